import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentsOf, findOrThrow, findPage } from '../../db/documents';
import { z } from 'zod';
import { canDelete, canEditField } from '../../../../shared/contracts/campaign-lifecycle';
import type { Campaign, CampaignPauseReason, CampaignRates, CampaignSummary } from '../../../../shared/contracts/campaigns';
import { rootOf } from '../../composition/accessor';
import { CAMPAIGN_STATES, TABLES, UID, type CampaignState } from '../../constants';
import { checkCampaignContent } from '../sending/content-check';
import { deleteExperimentOf } from '../experiments/experiment-store';
import { createTemplateLibrary } from '../templates/library';
import { listRates } from '../analytics/list-rates';
import { sentToCounts, type SentTo } from '../sending/sent-to';
import { finishedSentCounts } from '../analytics/delivery-counts';
import { campaignCreateInput, campaignUpdateInput } from '../../validation/campaign-input';
import { listQuery } from '../../validation/list-query';
import { fieldError, parseOrThrow } from '../../validation/errors';

export const campaignListQuery = listQuery([
  'updatedAt:desc',
  'updatedAt:asc',
  'name:asc',
  'name:desc',
  'sendAt:asc',
  'sendAt:desc',
] as const).extend({
  state: z.enum(CAMPAIGN_STATES).optional(),
});

type Row = Record<string, unknown> & { documentId: string; id: number };

const COPY_SUFFIX = ' (copy)';
const MAX_NAME = 200;

/** "<name> (copy)", the name shortened when the suffix would pass the name's limit. */
const copyName = (name: string) => `${name.slice(0, MAX_NAME - COPY_SUFFIX.length)}${COPY_SUFFIX}`;

const populate = { segment: { fields: ['name'] }, topic: { fields: ['name'] } } as const;

const createCampaignsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => documentsOf(strapi, UID.campaign);
  const root = rootOf(strapi);
  const templates = createTemplateLibrary(strapi);

  const ref = (value: unknown) => {
    const row = value as { documentId: string; name: string } | null | undefined;
    return row ? { documentId: row.documentId, name: row.name } : null;
  };

  /**
   * A sent campaign's audience is the deliveries it made. The segment's live count (a query over
   * the contacts per campaign, less the addresses suppressed for the campaign's topic, as the send
   * leaves them out) is what a list shows for a campaign still to be sent, and what the editor
   * shows for any campaign (`countAlways`).
   */
  const toSummary = async (
    row: Row,
    sent: { to: SentTo | null; rates: CampaignRates | null },
    countAlways: boolean
  ): Promise<CampaignSummary> => {
    const sentTo = sent.to?.count ?? null;
    const segment = ref(row.segment);
    return {
      documentId: row.documentId,
      name: row.name as string,
      subject: (row.subject as string) ?? null,
      state: row.state as CampaignState,
      sendAt: (row.sendAt as string) ?? null,
      segment,
      sentTo,
      sentAt: sent.to ? new Date(sent.to.startedAt).toISOString() : null,
      rates: sent.rates,
      audienceSize:
        segment && (sentTo === null || countAlways)
          ? await root.audience.countMailable(segment.documentId, (row.topic as { id: number } | null)?.id ?? null)
          : null,
      createdAt: row.createdAt as string,
      updatedAt: row.updatedAt as string,
    };
  };

  const summaries = async (rows: Row[], countAlways = false) => {
    const knex = strapi.db.connection;
    const sent = await sentToCounts(
      knex,
      rows.map((row) => row.id),
      await finishedSentCounts(
        knex,
        rows.map((row) => ({ id: row.id, state: String(row.state) }))
      )
    );
    const rates = await listRates(knex, new Map([...sent].map(([id, to]) => [id, to.count])));
    return Promise.all(rows.map((row) => toSummary(row, { to: sent.get(row.id) ?? null, rates: rates.get(row.id) ?? null }, countAlways)));
  };

  const toCampaign = async (row: Row): Promise<Campaign> => ({
    ...(await summaries([row], true))[0],
    preheader: (row.preheader as string) ?? null,
    fromName: (row.fromName as string) ?? null,
    fromEmail: (row.fromEmail as string) ?? null,
    replyTo: (row.replyTo as string) ?? null,
    contentFormat: row.contentFormat as Campaign['contentFormat'],
    content: (row.content as string) ?? null,
    plainText: (row.plainText as string) ?? null,
    timezoneMode: row.timezoneMode as Campaign['timezoneMode'],
    schedule: (row.schedule as Campaign['schedule']) ?? null,
    topic: ref(row.topic),
    pauseReason: row.state === 'paused' ? ((row.pauseReason as CampaignPauseReason | null) ?? null) : null,
  });

  /** Checks that related documents exist, naming the field when one does not. */
  const assertRelations = async (input: { segment?: string | null; topic?: string | null }) => {
    const checks = [
      ['segment', UID.segment, input.segment],
      ['topic', UID.topic, input.topic],
    ] as const;
    for (const [field, uid, documentId] of checks) {
      if (!documentId) continue;
      const found = await documentsOf(strapi, uid).findOne({ documentId, fields: ['id'] });
      if (!found) {
        throw fieldError('campaign', field, `no ${field} with documentId "${documentId}"`);
      }
    }
  };

  /** Templates are checked when saved (unknown variables, code-reaching names, MJML errors), never first at send. */
  const assertContent = async (row: Partial<Record<'subject' | 'preheader' | 'content' | 'plainText', string | null>>) => {
    await checkCampaignContent({
      subject: row.subject ?? null,
      preheader: row.preheader ?? null,
      content: row.content ?? null,
      plainText: row.plainText ?? null,
    });
  };

  const assertSender = (fromEmail: string | null | undefined) => {
    const { senders } = root;
    if (fromEmail && senders.length && !senders.some((s) => s.email === fromEmail.toLowerCase())) {
      throw fieldError(
        'campaign',
        'fromEmail',
        `"${fromEmail}" is not a configured sender; choose one of ${senders.map((s) => s.email).join(', ')}`
      );
    }
  };

  const CONTENT_FIELDS = ['subject', 'preheader', 'content', 'plainText'] as const;

  /** What a copy takes: the message and who it is from; the audience (segment, topic) is added by documentId. */
  const COPIED_FIELDS = ['subject', 'preheader', 'fromName', 'fromEmail', 'replyTo', 'contentFormat', 'content', 'plainText'] as const;

  /** What a campaign made from a template starts with; an unknown template is a 400 on the field. */
  const templateMessage = async (ref: string) => {
    const template = await templates.find(ref);
    if (!template) throw fieldError('campaign', 'template', `no template "${ref}": choose a starter or a saved template`);
    const { subject, preheader, content, plainText } = template;
    return { subject, preheader, content, plainText, contentFormat: 'mjml' as const };
  };

  const findRow = (documentId: string) => findOrThrow<Row>(documents(), 'campaign', documentId, { populate });

  return {
    async list(query: unknown = {}) {
      const q = parseOrThrow(campaignListQuery, query, 'query');
      const filters = {
        ...(q.search ? { $or: [{ name: { $containsi: q.search } }, { subject: { $containsi: q.search } }] } : {}),
        ...(q.state ? { state: q.state } : {}),
      };
      const page = await findPage(documents(), q, { filters, populate }, (row: Row) => row);
      return { ...page, data: await summaries(page.data) };
    },

    async findOne(documentId: string): Promise<Campaign> {
      return toCampaign(await findRow(documentId));
    },

    /** A draft; from a template (`template`), it takes the template's message unless the input sets those fields. */
    /** `by`: the admin creating it, kept as its owner (Strapi's createdBy; told of people's replies with `replies.notifyOwner`). */
    async create(input: unknown, options: { by?: number } = {}): Promise<Campaign> {
      const { template, ...fields } = parseOrThrow(campaignCreateInput, input, 'campaign');
      const data = template ? { ...(await templateMessage(template)), ...fields } : fields;
      await assertRelations(data);
      assertSender(data.fromEmail);
      await assertContent(data);
      const owner = options.by ? { createdBy: options.by, updatedBy: options.by } : {};
      const row = await documents().create<Row>({ data: { ...data, state: 'draft', scheduleVersion: 0, ...owner }, populate });
      return toCampaign(row);
    },

    async update(documentId: string, input: unknown): Promise<Campaign> {
      const data = parseOrThrow(campaignUpdateInput, input, 'campaign');
      const current = await findRow(documentId);
      const state = current.state as CampaignState;
      if (Object.keys(data).some((field) => !canEditField(state, field))) {
        throw new errors.ValidationError(
          `Campaign "${current.name}" is ${current.state}: only its name can change (pause it first to edit a campaign that is sending)`
        );
      }
      await assertRelations(data);
      assertSender(data.fromEmail);
      if (CONTENT_FIELDS.some((field) => data[field] !== undefined))
        await assertContent({ ...current, ...data } as Parameters<typeof assertContent>[0]);
      const row = await documents().update<Row>({ documentId, data, populate });
      return toCampaign(row);
    },

    /**
     * A new draft with the campaign's message and audience, named "<name> (copy)". Its sends stay
     * the original's: deliveries, send record and results are keyed by the original's id, and its
     * state, schedule and pause reason are not carried over. Copied as stored, without a save's
     * checks: they passed when the original was saved, and a send makes them again.
     */
    async duplicate(documentId: string, options: { by?: number } = {}): Promise<Campaign> {
      const source = await findRow(documentId);
      const copied = Object.fromEntries(COPIED_FIELDS.map((field) => [field, source[field] ?? null]));
      const row = await documents().create<Row>({
        data: {
          ...copied,
          name: copyName(source.name as string),
          segment: ref(source.segment)?.documentId ?? null,
          topic: ref(source.topic)?.documentId ?? null,
          state: 'draft',
          scheduleVersion: 0,
          ...(options.by ? { createdBy: options.by, updatedBy: options.by } : {}),
        },
        populate,
      });
      return toCampaign(row);
    },

    /** Deletes the campaign with its deliveries, links, counters and A/B test; refused while it is sending. */
    async delete(documentId: string) {
      const current = await findRow(documentId);
      if (!canDelete(current.state as CampaignState)) {
        throw new errors.ValidationError(`Campaign "${current.name}" is sending: pause or cancel it before deleting it`);
      }
      await strapi.db.transaction(async ({ trx }) => {
        for (const table of [TABLES.deliveries, TABLES.links, TABLES.rollups, TABLES.rollupHours, TABLES.domainRollups]) {
          await trx(table).where({ campaign_id: current.id }).delete();
        }
        await deleteExperimentOf(strapi, trx, current.id);
        await documents().delete({ documentId });
      });
      // A scheduled campaign's job goes with it (the reconcile would remove it within a minute).
      await rootOf(strapi).running.scheduler.forget(current.id);
      return { documentId };
    },
  };
};

export type CampaignsService = ReturnType<typeof createCampaignsService>;
export default createCampaignsService;
