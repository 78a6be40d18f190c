import type { Core } from '@strapi/strapi';
import { rootOf } from '../../composition/accessor';
import { deliveryOf, type TrackedDelivery } from '../tracking/lookups';
import { NO_DELIVERY } from '../tracking/service';
import type { TokenPurpose } from '../tracking/tokens';
import type { FormBody } from './body';
import { parsePreferenceForm, parseUndoForm, type FormResult } from './form';
import {
  invalidPage,
  maskEmail,
  preferencesPage,
  refusalPage,
  testPage,
  undoPage,
  unsubscribePage,
  type PreferencesView,
  type RefusalView,
  type Say,
  type UndoView,
  type UnsubscribeView,
} from './pages';
import { active, addressHash, createRecipientRecords, SUPPRESSION_FIELDS, type SuppressionRow } from './recipient-records';
import { createSerial } from './serial';
import { mailStatus } from './status';
import { createTopicChanges } from './topic-changes';
import { isEmptyPlan, planTopics, receives } from './topic-plan';
import { undoExpiry, undoOpen, unsubscribeSourceEvent } from './undo';
import type { PageContent } from '../../public-pages';

/** What a public route answers: a status and a page, in the language of the contact the token names (null: none). */
export interface Outcome {
  status: number;
  locale: string | null;
  render: (say: Say) => PageContent;
}

const page = (status: number, locale: string | null, render: (say: Say) => PageContent): Outcome => ({ status, locale, render });
const INVALID = page(404, null, invalidPage);
const TEST = page(200, null, testPage);

/**
 * The recipient's side of the unsubscribe and the preference center (index.ts has the routes).
 * Every token is verified for its purpose before any row is read; a token that fails, and one that
 * names a delivery that is gone, get the same page, so nothing tells a stranger whether an address
 * is known. Contact states change only through the signal path (root.signal), topic links and
 * topic suppressions in the same transaction; a refused form changes nothing.
 */
const createPreferencesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const root = rootOf(strapi);
  const { tokens } = root;
  // Only a verified token leads anywhere that needs them, and none verifies without the signing options.
  const urls = () => tokens.urls!;
  const knex = () => strapi.db.connection;
  const records = createRecipientRecords(strapi);
  const { contactOf, globalSuppressions, suppressions, lift, inTransaction, resubscribe } = records;
  const topics = createTopicChanges(strapi, records);
  const oneAtATime = createSerial();

  const deliveryFor = async (purpose: TokenPurpose, token: string): Promise<TrackedDelivery | 'test' | null> => {
    const ids = tokens.verified(purpose, token);
    if (!ids) return null;
    if (ids[0] === NO_DELIVERY) return 'test';
    return deliveryOf(knex(), ids[0]);
  };

  // ---- unsubscribe and its undo ----

  /** Concurrent POSTs for one delivery (a mailbox's one-click and its reader's click) share one run. */
  const unsubscribing = new Map<number, Promise<void>>();

  const applyUnsubscribe = async (delivery: TrackedDelivery) => {
    // The address the message went to is suppressed even when its contact is gone: a later import
    // must not mail it again. A bounced or complained contact keeps its state (contact-signals/precedence.ts).
    await root.signal({
      type: 'unsubscribe',
      contactIds: [delivery.contactId],
      address: { email: delivery.email, sourceEvent: unsubscribeSourceEvent(delivery.id) },
      origin: 'recipient',
      delivery: { campaignId: delivery.campaignId, deliveryId: delivery.id },
    });
    // Last, and buffered like opens and clicks: a run that failed above leaves no event, and the next POST completes it.
    root.running.tracking.add({ type: 'unsubscribe', deliveryId: delivery.id, at: Date.now() });
  };

  const unsubscribe = (delivery: TrackedDelivery) => {
    let run = unsubscribing.get(delivery.id);
    if (!run) {
      run = applyUnsubscribe(delivery).finally(() => unsubscribing.delete(delivery.id));
      unsubscribing.set(delivery.id, run);
    }
    return run;
  };

  /** The suppression this delivery's unsubscribe wrote, while it may still be undone. */
  const undoOf = async (delivery: TrackedDelivery) => {
    const own: SuppressionRow | null = await suppressions().findOne({
      where: { sourceEvent: unsubscribeSourceEvent(delivery.id), reason: 'unsubscribe', scope: 'global', ...active() },
      select: SUPPRESSION_FIELDS,
    });
    if (!own) return null;
    const expiresAt = undoExpiry(own.createdAt);
    if (!undoOpen(expiresAt)) return null;
    const token = urls().unsubscribeUndoToken(delivery.id, own.id, expiresAt);
    return { action: urls().unsubscribeUndo(token), token };
  };

  const doneView = async (delivery: TrackedDelivery): Promise<UnsubscribeView> => ({
    kind: 'done',
    maskedEmail: maskEmail(delivery.email),
    preferencesUrl: urls().preferences(delivery.id),
    undo: await undoOf(delivery),
  });

  const unsubscribeAnswer = async (delivery: TrackedDelivery, view: UnsubscribeView) =>
    page(200, (await contactOf(delivery.contactId))?.locale ?? null, (say) => unsubscribePage(say, view));

  /** A form that cannot be applied: nothing changed. `back`: the page to start again from. */
  const refusal = (status: number, reason: RefusalView['reason'], back: string | null, locale: string | null = null) =>
    page(status, locale, (say) => refusalPage(say, { kind: 'refused', reason, back }));

  /** The form's own checks: it was read, it is one of ours, and its token is the one in the URL. */
  const formProblem = <F extends { token: string }>(
    body: FormBody,
    parse: (text: string) => FormResult<F>,
    urlToken: string,
    back: string
  ): { refused: Outcome } | { form: F } => {
    if (!body.ok) return { refused: body.problem === 'too-large' ? refusal(413, 'too-large', back) : refusal(415, 'not-a-form', back) };
    const parsed = parse(body.text);
    if (!parsed.ok) return { refused: refusal(400, parsed.problem, back) };
    if (parsed.form.token !== urlToken) return { refused: refusal(400, 'other-token', back) };
    return { form: parsed.form };
  };

  // ---- the preference page ----

  const preferencesView = async (delivery: TrackedDelivery, token: string, notice: PreferencesView['notice']) => {
    const contact = await contactOf(delivery.contactId);
    const emailHash = addressHash(delivery.email);
    const reasons = (await globalSuppressions(emailHash)).map((s) => s.reason);
    const offered = contact ? (await topics.standings(contact.id, emailHash)).filter((t) => t.member || t.isPublic) : [];
    const view: PreferencesView = {
      kind: 'page',
      maskedEmail: maskEmail(delivery.email),
      action: urls().preferences(delivery.id),
      token,
      topics: offered.map((t) => ({ documentId: t.documentId, name: t.name, description: t.description, checked: receives(t) })),
      status: mailStatus(contact?.state ?? null, reasons),
      notice,
    };
    return { view, contact };
  };

  const preferencesAnswer = async (delivery: TrackedDelivery, token: string, notice: PreferencesView['notice']) => {
    const { view, contact } = await preferencesView(delivery, token, notice);
    return page(200, contact?.locale ?? null, (say) => preferencesPage(say, view));
  };

  /** A save: the wanted topics, or a 400 naming nothing when one of them is not offered. */
  const saveTopics = (delivery: TrackedDelivery, token: string, wanted: string[]) =>
    inTransaction(async (trx, announce): Promise<Outcome | null> => {
      const contact = await contactOf(delivery.contactId);
      const standings = contact ? await topics.standings(contact.id, addressHash(delivery.email)) : [];
      const planned = planTopics(standings, wanted);
      if (!planned.ok) return refusal(400, 'topic-not-offered', urls().preferences(delivery.id), contact?.locale ?? null);
      if (contact && !isEmptyPlan(planned.plan)) await topics.apply(trx, delivery, contact, planned.plan, announce);
      return null;
    }).then((refused) => refused ?? preferencesAnswer(delivery, token, 'saved'));

  /** The person's own yes: their unsubscribe suppressions lifted and the contact subscribed, with a consent record. */
  const resubscribeEverything = async (delivery: TrackedDelivery, token: string, ip: string | null) => {
    const { view, contact } = await preferencesView(delivery, token, null);
    if (!contact || view.status !== 'unsubscribed') {
      return preferencesAnswer(delivery, token, view.status === 'subscribed' ? 'resubscribed' : null);
    }
    await inTransaction(async (trx, announce) => {
      const rows = await globalSuppressions(addressHash(delivery.email));
      for (const row of rows.filter((r) => r.reason === 'unsubscribe')) {
        announce(await lift(trx, row, null, 'the recipient subscribed again on the preference page'));
      }
      await resubscribe(trx, contact.id, 'preferences-page', ip);
    });
    return preferencesAnswer(delivery, token, 'resubscribed');
  };

  return {
    /** The unsubscribe page (GET): the button, or that the address is not mailed, with the undo while it lasts. Reads only. */
    async unsubscribePage(token: string): Promise<Outcome> {
      const delivery = await deliveryFor('unsubscribe', token);
      if (delivery === 'test') return TEST;
      if (!delivery) return INVALID;
      const contact = await contactOf(delivery.contactId);
      // A deleted contact still gets the button: its address may come back with an import, a suppression would stop that.
      const notMailed = (contact && contact.state !== 'subscribed') || (await globalSuppressions(addressHash(delivery.email))).length > 0;
      const view: UnsubscribeView = notMailed
        ? await doneView(delivery)
        : { kind: 'form', maskedEmail: maskEmail(delivery.email), action: urls().unsubscribe(delivery.id) };
      return unsubscribeAnswer(delivery, view);
    },

    /**
     * The unsubscribe POST (RFC 8058 one-click, or the page's button). It always answers 200:
     * mailbox providers treat any other status as a failed unsubscribe, so a forged or mangled
     * token gets a page saying nothing changed rather than an error. Repeating it is harmless: the
     * suppression, the state and the event are each written once.
     */
    async unsubscribe(token: string): Promise<Outcome> {
      const delivery = await deliveryFor('unsubscribe', token);
      if (delivery === 'test') return TEST;
      if (!delivery) return { ...INVALID, status: 200 };
      await unsubscribe(delivery);
      return unsubscribeAnswer(delivery, await doneView(delivery));
    },

    /**
     * The undo of an unsubscribe, within its window: the suppression that unsubscribe wrote is
     * removed and the contact resubscribed, with a consent record. Once spent, or after a later
     * unsubscribe wrote another suppression, the token changes nothing.
     */
    async undo(token: string, body: FormBody, ip: string | null): Promise<Outcome> {
      const ids = tokens.verified('unsubscribe-undo', token);
      const delivery = ids && ids[0] !== NO_DELIVERY ? await deliveryOf(knex(), ids[0]) : null;
      if (!ids || !delivery) return INVALID;
      const [, suppressionId, expiresAt] = ids;
      const preferencesUrl = urls().preferences(delivery.id);
      const checked = formProblem(body, parseUndoForm, token, urls().unsubscribe(delivery.id));
      if ('refused' in checked) return checked.refused;
      const answer = async (status: number, view: UndoView) =>
        page(status, (await contactOf(delivery.contactId))?.locale ?? null, (say) => undoPage(say, view));
      if (!undoOpen(expiresAt)) return answer(410, { kind: 'expired', preferencesUrl });

      return oneAtATime(`contact:${delivery.contactId}`, async () => {
        const undone = await inTransaction(async (trx, announce) => {
          const own: SuppressionRow | null = await suppressions().findOne({
            where: { id: suppressionId, sourceEvent: unsubscribeSourceEvent(delivery.id), reason: 'unsubscribe', scope: 'global' },
            select: SUPPRESSION_FIELDS,
          });
          if (!own) return false;
          announce(await lift(trx, own, null, 'the recipient undid their unsubscribe'));
          await resubscribe(trx, delivery.contactId, 'unsubscribe-undo', ip);
          return true;
        });
        const contact = await contactOf(delivery.contactId);
        const reasons = (await globalSuppressions(addressHash(delivery.email))).map((s) => s.reason);
        // A second click of the same button finds the work done: it says so rather than an error.
        if (undone || (contact && mailStatus(contact.state, reasons) === 'subscribed'))
          return answer(200, { kind: 'undone', maskedEmail: maskEmail(delivery.email), preferencesUrl });
        return answer(409, { kind: 'spent', preferencesUrl });
      });
    },

    /** The preference page (GET): topics, and unsubscribe from everything or resubscribe. Reads only. */
    async preferencesPage(token: string): Promise<Outcome> {
      const delivery = await deliveryFor('preferences', token);
      if (delivery === 'test') return TEST;
      if (!delivery) return INVALID;
      return preferencesAnswer(delivery, token, null);
    },

    /** The preference page's forms (POST): applied whole, or refused with nothing changed. */
    async savePreferences(token: string, body: FormBody, ip: string | null): Promise<Outcome> {
      const delivery = await deliveryFor('preferences', token);
      if (delivery === 'test') return TEST;
      if (!delivery) return INVALID;
      const checked = formProblem(body, parsePreferenceForm, token, urls().preferences(delivery.id));
      if ('refused' in checked) return checked.refused;
      const { form } = checked;
      return oneAtATime(`contact:${delivery.contactId}`, async () => {
        switch (form.action) {
          case 'save':
            return saveTopics(delivery, token, form.topics);
          case 'unsubscribe':
            await unsubscribe(delivery);
            return preferencesAnswer(delivery, token, 'unsubscribed');
          case 'resubscribe':
            return resubscribeEverything(delivery, token, ip);
        }
      });
    },
  };
};

export type PreferencesService = ReturnType<typeof createPreferencesService>;
export default createPreferencesService;
