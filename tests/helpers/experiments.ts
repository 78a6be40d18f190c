import type { Core } from '@strapi/strapi';
import type { SendProgress } from '../../shared/contracts/sending';
import { seedCampaign } from './sending';
import type { SmtpSink } from './smtp-sink';

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
      minSamplePerVariant: 5,
      probabilityToWin: 0.95,
      state: 'draft',
      ...settings,
    },
  });
  return { documentId: campaign.documentId as string, id, experimentId: experiment.id as number };
};

/** The test group is out: its dispatch done, nothing of it queued or being sent, the rest not started. */
export const testGroupOut = (p: SendProgress) => p.state === 'sending' && !p.dispatching && p.queued === 0 && p.sending === 0 && p.sent > 0;

export const experimentRow = (strapi: Core.Strapi, experimentId: number) =>
  strapi.db.connection('campaigns_experiments').where({ id: experimentId }).first();

export const decisionRows = (strapi: Core.Strapi, experimentId: number) =>
  strapi.db.connection('campaigns_experiment_decisions').where({ experiment_id: experimentId }).orderBy('id');

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
