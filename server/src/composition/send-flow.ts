import type { Core } from '@strapi/strapi';
import type { Queue } from 'bullmq';
import type { PluginConfig } from '../config/schema';
import { UID } from '../constants';
import { columnsOf } from '../db/columns';
import type { SmtpBounceRecorder } from '../events/smtp-bounce';
import type { RedisClient } from '../queue/connection';
import type { Announcer } from '../site-events/announcer';
import { campaignMoveAnnouncer } from '../site-events/campaign-events';
import type { AudienceQueries } from '../features/audience/segments/audience-queries';
import { suppressionTables } from '../features/audience/suppressions/tables';
import { campaignStates, createCampaignLifecycle } from '../features/campaigns/lifecycle';
import { pauseReasonColumn } from '../features/campaigns/pause-reasons';
import { campaignSchedules, scheduleFacts } from '../features/scheduling/schedule-store';
import { createScheduler } from '../features/scheduling/scheduler';
import { createSendPlans } from '../features/scheduling/send-plans';
import type { FontSettings } from '../../../shared/contracts/site-settings';
import { campaignSource } from '../features/sending/campaign-source';
import type { ComposeContext } from '../features/sending/compose';
import type { EntriesBlocks } from '../features/content-blocks/entries-blocks';
import { deliveryStore } from '../features/sending/delivery-store';
import { createSendEngine } from '../features/sending/engine';
import type { TransportSource } from '../features/sending/engine-ports';
import { createCampaignCache } from '../features/sending/prepared-campaign';
import { createRateLimiter } from '../features/sending/rate-limiter';
import type { Readiness } from '../features/sending/readiness';
import { createSendStart, startRows } from '../features/sending/send-start';
import { sendRecords } from '../features/sending/send-records';
import type { ExperimentSource } from '../features/sending/engine-ports';
import { experimentForSend } from '../features/experiments/experiment-store';
import { assignVariant, assignWave } from '../features/experiments/stats';
import { storeFirstWave, wavesOf } from '../features/experiments/wave-store';
import { experimentLifecycle, type ExperimentAction, type ExperimentState } from '../../../shared/contracts/experiment-lifecycle';
import { lifecycleMoves, stateColumn } from '../db/lifecycle-moves';

export interface SendFlowDeps {
  strapi: Core.Strapi;
  config: PluginConfig;
  redis: RedisClient;
  queueOf: (key: string) => Queue;
  transport: TransportSource;
  bounces: SmtpBounceRecorder;
  audience: AudienceQueries;
  readiness: Readiness;
  entriesBlocks: EntriesBlocks;
  announce: Announcer;
  fonts: () => Promise<FontSettings>;
  composeContext: () => ComposeContext;
}

/**
 * The send flow, from a campaign's schedule to its last message: the deliveries and send records,
 * the campaign lifecycle, the engine, how a send starts, and the scheduler whose jobs start it.
 * Part of the composition root (root.ts), built where the queues are open.
 */
export const buildSendFlow = ({
  strapi,
  config,
  redis,
  queueOf,
  transport,
  bounces,
  audience,
  readiness,
  entriesBlocks,
  announce,
  fonts,
  composeContext,
}: SendFlowDeps) => {
  const knex = strapi.db.connection;
  const tableOf = (uid: (typeof UID)[keyof typeof UID]) => strapi.db.metadata.get(uid).tableName;
  const store = deliveryStore(knex, { contacts: tableOf(UID.contact), ...suppressionTables(strapi) });
  const records = sendRecords(knex);
  const campaignsTable = tableOf(UID.campaign);
  const campaignColumns = columnsOf(strapi, UID.campaign, ['documentId', 'pauseReason']);
  const lifecycle = createCampaignLifecycle(
    campaignStates(knex, campaignsTable),
    pauseReasonColumn(campaignsTable, campaignColumns.pauseReason),
    campaignMoveAnnouncer({
      knex,
      table: campaignsTable,
      documentIdColumn: campaignColumns.documentId,
      counts: (campaignId) => store.counts(campaignId),
      announce,
      log: strapi.log,
    })
  );
  const campaigns = campaignSource(strapi);
  const experimentsTable = tableOf(UID.experiment);
  const experiments: ExperimentSource = {
    async forSend(campaignId) {
      const experiment = await experimentForSend(strapi, campaignId);
      if (!experiment) return null;
      // Only a decided test has a winner: the common reads (a test's dispatch and send jobs) read nothing more.
      const decided =
        experiment.state === 'decided'
          ? ((await knex(experimentsTable).select('winner').where({ id: experiment.id }).first()) as { winner: string | null })
          : null;
      // A bandit's dispatch places its contacts by its stored waves' shares.
      const waveShares = experiment.design === 'bandit' ? (await wavesOf(knex, [experiment.id])).map((w) => w.shares) : [];
      return { ...experiment, winner: decided?.winner ?? null, waveShares };
    },
    assignVariant,
    assignWave,
  };
  // Every message of a send, and its web view, shows the entries its start froze.
  const cache = createCampaignCache(knex, {
    fonts,
    expand: (row) => entriesBlocks.frozenContent(row.id, row.content),
    publicUrl: config.publicUrl,
  });
  const plans = createSendPlans({
    scheduleOf: scheduleFacts(strapi),
    zoneCounts: (rules, topicId) => audience.zoneCounts(rules, topicId),
  });
  const engine = createSendEngine({
    sending: config.sending,
    store,
    records,
    lifecycle,
    campaigns,
    cache,
    audience: { page: (rules, page) => audience.pageRules(rules, page) },
    plans,
    experiments,
    bounces,
    queues: { send: queueOf('send'), dispatch: queueOf('dispatch') },
    limiter: createRateLimiter(redis, config.redis.prefix, config.rateLimits),
    transport,
    composeContext,
    log: strapi.log,
  });
  const sendStart = createSendStart({
    lifecycle,
    plans,
    records,
    engine,
    readiness,
    blocks: entriesBlocks,
    experiments: {
      draftOf: async (campaignId) => {
        const experiment = await experimentForSend(strapi, campaignId);
        return experiment?.state === 'draft' ? experiment.id : null;
      },
      // The experiment lifecycle's move on the start's own transaction (a bandit's first wave with it): all happen, or none.
      start: async (trx, experimentId) => {
        await lifecycleMoves<ExperimentState, ExperimentAction>(experimentLifecycle, stateColumn(trx, experimentsTable)).take(
          experimentId,
          'start'
        );
        await storeFirstWave(strapi, trx, experimentId, Date.now());
      },
    },
  });
  const scheduler = createScheduler({
    queue: queueOf('schedule'),
    store: campaignSchedules(strapi),
    outcomes: {
      async start(campaignId) {
        const row = await startRows(strapi)({ id: campaignId });
        return row ? sendStart.begin(row, 'start') : false;
      },
      miss: (campaignId, reason) => lifecycle.miss(campaignId, reason),
    },
    graceMs: config.scheduling.graceMinutes * 60_000,
    log: strapi.log,
  });
  return {
    store,
    records,
    lifecycle,
    campaigns,
    cache,
    experiments,
    /** The plans of sends that do not go out at once (waves, spreads, windows): made at the start, carried by the dispatch. */
    plans,
    engine,
    /** How a send starts, an editor's or its schedule's. */
    sendStart,
    /** One delayed job per scheduled campaign, and the reconcile that keeps the queue true to the database. */
    scheduler,
  };
};

export type SendFlow = ReturnType<typeof buildSendFlow>;
