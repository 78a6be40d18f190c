import type { Core } from '@strapi/strapi';
import { createExperimentLifecycle } from '../../server/src/features/experiments/lifecycle';
import type { DecisionFigures } from '../../shared/contracts/experiments';
import type { SendProgress } from '../../shared/contracts/sending';
import type { bearer, http } from './admin';
import type { GroupApp } from './integration-group';
import { seedCampaign, TEST_PUBLIC_URL, waitForProgress } from './sending';
import type { SmtpSink } from './smtp-sink';
import { flushTracking } from './tracking';

const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

/** Three variants of the sending helpers' newsletter: A keeps its subject, B and C change it. */
export const AB_VARIANTS = [
  { key: 'A', name: 'Control' },
  { key: 'B', name: 'Question', subject: 'B: ready for autumn, {{ contact.firstName }}?' },
  { key: 'C', name: 'Short', subject: 'C: autumn' },
];

export const people = (tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `p${i}@${tag}.test`, firstName: `P${i}` }));

/**
 * A campaign to `n` people with a draft 3-variant test of 60% of them, its wait 90 minutes, ready
 * to send: by default a Bayesian rule on clicks that waits for an editor without a winner.
 */
export const seedExperiment = async (strapi: Core.Strapi, tag: string, n: number, settings: Record<string, unknown> = {}) => {
  const campaign = await seedCampaign(strapi, tag, people(tag, n));
  const id = (await strapi.db.query('plugin::campaigns.campaign').findOne({ where: { documentId: campaign.documentId } })).id as number;
  const experiment = await strapi.db.query('plugin::campaigns.experiment').create({
    data: {
      campaign: id,
      variants: AB_VARIANTS,
      testShare: 60,
      metric: 'click',
      waitMinutes: 90,
      decisionRule: 'bayesian',
      noWinner: 'wait',
      // A variant's size follows the experiment's random document id (the keyed hash): a larger
      // minimum would make "not enough data" a matter of chance in tests of a few dozen people.
      minSamplePerVariant: 1,
      probabilityToWin: 0.95,
      state: 'draft',
      ...settings,
    },
  });
  return { documentId: campaign.documentId as string, id, experimentId: experiment.id as number };
};

/** The test group is out: its dispatch done, nothing of it queued or being sent, the rest not started. */
export const testGroupOut = (p: SendProgress) => p.state === 'sending' && !p.dispatching && p.queued === 0 && p.sending === 0 && p.sent > 0;

/** What the integration modules drive a test through: the app, its API as the super admin, and the SMTP sink. */
export interface ExperimentApp {
  strapi: Core.Strapi;
  api: ReturnType<typeof http>;
  auth: ReturnType<typeof bearer>;
  sink: SmtpSink;
}

/** A campaign with a 3-variant test of 60% of its audience (seedExperiment), sent: answers once its test group is out. */
export const sendExperiment = async (app: ExperimentApp, tag: string, n: number, settings: Record<string, unknown>) => {
  const knex = app.strapi.db.connection;
  const { documentId, id, experimentId } = await seedExperiment(app.strapi, tag, n, settings);
  await app.api.post(`/campaigns/campaigns/${documentId}/send`).set(app.auth).expect(200);
  const progress = await waitForProgress(app.strapi, documentId, testGroupOut);
  const rows: Array<{ id: number; email: string; variant: string }> = await knex('campaigns_deliveries')
    .select('id', 'email', 'variant')
    .where({ campaign_id: id });
  // Read an hour later: a click right after sending counts as a machine's.
  await knex('campaigns_deliveries')
    .where({ campaign_id: id })
    .update({ sent_at: Date.now() - 3_600_000 });
  return { documentId, id, experimentId, progress, rows };
};

export const experimentRow = (strapi: Core.Strapi, experimentId: number) =>
  strapi.db.connection('campaigns_experiments').where({ id: experimentId }).first();

/** A row of the decisions log as the database answers it: `figures` is JSON text, times are epoch ms (text from PostgreSQL's bigint). */
export interface DecisionRow {
  id: number;
  experiment_id: number;
  action: string;
  winner: string | null;
  figures: string | null;
  reason: string | null;
  by_id: number | null;
  by_label: string | null;
  decided_at: number | string;
}

export const decisionRows = (strapi: Core.Strapi, experimentId: number): Promise<DecisionRow[]> =>
  strapi.db.connection('campaigns_experiment_decisions').where({ experiment_id: experimentId }).orderBy('id');

/** A decision's figures, parsed: a decision recorded without any fails here, by its id and action. */
export const figuresOf = <T = DecisionFigures>(row: DecisionRow): T => {
  if (row.figures === null) throw new Error(`decision ${row.id} (${row.action}) was recorded without figures`);
  return JSON.parse(row.figures) as T;
};

/** The subjects each address of a test received, from the sink: one each when nobody was mailed twice. */
export const subjectsOf = async (sink: SmtpSink, tag: string) => {
  const received = sink.received.filter((m) => m.rcptTo.every((to) => to.endsWith(`@${tag}.test`)));
  const subjects = new Map<string, string[]>();
  for (const message of received) {
    const subject = (await sink.parse(message)).subject ?? '';
    for (const to of message.rcptTo) subjects.set(to, [...(subjects.get(to) ?? []), subject]);
  }
  return subjects;
};

/** The one message the sink got for `email`. */
export const messageTo = async (sink: SmtpSink, email: string) => {
  const received = sink.received.filter((m) => m.rcptTo.includes(email));
  expect(received).toHaveLength(1);
  return sink.parse(received[0]);
};

/**
 * A person reading one recipient's message: the pixel first, then its first tracked link. A click
 * on a message never opened, or every link clicked within seconds, is a scanner's
 * (tracking/bots.ts), so the reader opens, then clicks one link.
 */
export const readAndClick = async (app: Omit<ExperimentApp, 'auth'>, email: string) => {
  const html = String((await messageTo(app.sink, email)).html);
  const tracked = (kind: 'o' | 'c') =>
    new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/${kind}/[A-Za-z0-9._-]+)`, 'g');
  const [pixel] = [...html.matchAll(tracked('o'))].map((m) => m[1]);
  expect(pixel).toBeDefined();
  expect((await app.api.get(pixel).set('User-Agent', SAFARI)).status).toBe(200);
  await flushTracking(app.strapi);
  const [link] = [...html.matchAll(tracked('c'))].map((m) => m[1]);
  expect(link).toBeDefined();
  expect((await app.api.get(link).set('User-Agent', SAFARI)).status).toBe(302);
};

/** A campaign's message with one merge tag: what an A/B test's variants start from. */
export const HELLO_MJML =
  '<mjml>\n<mj-body>\n<mj-section><mj-column><mj-text>Hello {{ contact.firstName }}</mj-text></mj-column></mj-section>\n</mj-body>\n</mjml>';

// Fixed once: a set-up saved and the one it is compared with name the same send time.
const NEXT_WEEK = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

/** A control and two variants, between them overriding every field a variant may: subject, preheader, sender, content, send time. */
export const threeVariants = () => [
  { key: 'A', name: 'Control' },
  { key: 'B', name: 'Short subject', subject: 'Spring sale, {{ contact.firstName }}', preheader: 'Two days only' },
  {
    key: 'C',
    name: 'New layout, evening',
    fromName: 'Ann from the shop',
    content: HELLO_MJML.replace('Hello', 'Good evening'),
    sendAt: NEXT_WEEK,
  },
];

/** A set-up the admin API takes, every setting away from its default: the base a refused input changes one thing of. */
export const VALID_SET_UP = {
  variants: threeVariants(),
  testShare: 30,
  metric: 'click-to-open',
  waitMinutes: 120,
  decisionRule: 'frequentist',
  noWinner: 'send-default',
  defaultVariant: 'A',
  minSamplePerVariant: 250,
  probabilityToWin: 0.99,
};

/** The experiment admin API of an integration group's app, as its super admin, and what a test reads back of it. */
export const experimentApi = ({ strapi, api, auth }: Pick<GroupApp, 'strapi' | 'api' | 'auth'>) => {
  const path = (documentId: string) => `/campaigns/campaigns/${documentId}/experiment`;
  return {
    path,
    put: (documentId: string, data: unknown) => api().put(path(documentId)).set(auth()).send({ data }),
    createCampaign: async (name: string) => {
      const res = await api()
        .post('/campaigns/campaigns')
        .set(auth())
        .send({ data: { name, subject: 'Spring news', fromName: 'The shop', content: HELLO_MJML } })
        .expect(201);
      return res.body.data as { documentId: string; name: string };
    },
    campaignId: async (documentId: string) => {
      const row = await strapi()
        .db.query('plugin::campaigns.campaign')
        .findOne({ where: { documentId }, select: ['id'] });
      return Number(row!.id);
    },
    /** The campaign's experiment rows and what each stores: what a refusal must leave as it was. */
    storedExperiments: (campaignDocumentId: string) =>
      strapi()
        .db.query('plugin::campaigns.experiment')
        .findMany({
          where: { campaign: { documentId: campaignDocumentId } },
          select: ['id', 'state', 'variants', 'testShare', 'metric', 'waitMinutes', 'defaultVariant', 'winner'],
          orderBy: { id: 'asc' },
        }),
    /** The test group's send starts (the send pipeline takes this move): the set-up is fixed from here. */
    startTest: async (experimentId: number) => expect(await createExperimentLifecycle(strapi()).take(experimentId, 'start')).toBe(true),
  };
};
