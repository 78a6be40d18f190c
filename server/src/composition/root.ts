import type { Core } from '@strapi/strapi';
import type { Queue } from 'bullmq';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import type { Sender } from '../../../shared/contracts/sending';
import type { PluginConfig } from '../config/schema';
import { COMMAND_PROCESS_ENV, PLUGIN_ID, WORKER_PROCESS_ENV, type WorkerMode } from '../constants';
import { createImportWork, type ImportWork } from '../features/imports/import-work';
import { rateGuardReactor } from '../features/inbound/rate-guard-reactor';
import { campaignTally } from '../features/inbound/rate-guard-tallies';
import { createSmtpPool } from '../mail/smtp-pool';
import { describeRedis, type RedisClient } from '../queue/connection';
import { closeQueues, openQueues, openWorkers } from '../queue/runtime';
import { MAINTENANCE_QUEUE, maintenanceProcessor } from '../queue/maintenance';
import type { MaintenanceJob, QueueDeclaration } from '../features/feature';
import { getPluginConfig } from '../config/plugin-config';
import { createAudienceQueries, type AudienceQueries } from '../features/audience/segments/audience-queries';
import type { ComposeContext } from '../features/sending/compose';
import { composeContextOf } from '../features/sending/compose-context';
import { createReadiness } from '../features/sending/readiness';
import { createEntriesBlocks } from '../features/content-blocks/entries-blocks';
import { createWebView, type WebView } from '../features/sending/web-view';
import { createTokenVerifier, type TokenVerifier } from '../features/tracking/token-verifier';
import { campaignLinksOf, createLinkCache, type LinkCache } from '../features/tracking/link-cache';
import type { PublicCounting } from '../features/tracking/public-limits';
import { createSyncedCounter } from '../features/tracking/synced-counter';
import { createTrackingWriter, type TrackingWriter } from '../features/tracking/tracking-writer';
import { createWindowCounter } from '../features/tracking/window-counter';
import { applySignal, type ContactSignal } from '../contact-signals/apply-signal';
import { signalTables } from '../contact-signals/tables';
import { eventHubReactor } from '../events/reactors';
import { createEventRecorder, type EventRecorder } from '../events/recorder';
import { createRollupWriter } from '../features/analytics/rollup-writer';
import { smtpBounces, type SmtpBounceRecorder } from '../events/smtp-bounce';
import { createInboundPipeline } from '../features/inbound/pipeline';
import { createMailIntake, type MailIntake } from '../features/inbound/mail-intake';
import { openMailboxes } from '../features/inbound/mailboxes';
import { fetchText } from '../features/inbound/webhooks/http-get';
import { redisClaims } from '../features/inbound/webhooks/one-time-claims';
import { createWebhookReceiver, type WebhookReceiver } from '../features/inbound/webhooks/receiver';
import type { InboundPipeline } from '../features/inbound/notice';
import type { ReplyAddressKey, VerpKey } from '../features/inbound/matching';
import { readReply } from '../features/replies/reading';
import { createReplyRecorder } from '../features/replies/recorder';
import { campaignOwnerOf } from '../features/replies/campaign-owner';
import { createReplyNotices, queueOwnerNotice } from '../features/replies/owner-notice';
import { sendingIdentity } from '../mail/identity';
import { createSiteSettings } from '../features/settings/site-settings';
import { createRetention, type Retention } from '../features/audience/privacy/retention';
import { createAnnouncer } from '../site-events/announcer';
import { announceEach, signalEvents } from '../site-events/signal-events';
import { createPages } from '../public-pages/pages';
import type { TransportSource } from '../features/sending/engine-ports';
import { createCloseStack } from './close-stack';
import { eventBatchStoreOf } from './event-batch-store';
import { buildExperimentFlow, type ExperimentFlow } from './experiment-flow';
import { buildSendFlow, type SendFlow } from './send-flow';
import { connectRedis, quitRedis } from './redis';
import { lazyTransport } from './transport';

/**
 * Whether this process runs the workers, given the configured mode. A one-off command never
 * does: it would take jobs and then exit in the middle of them.
 */
export const shouldRunWorkers = (mode: WorkerMode, isWorkerProcess: boolean, isCommandProcess = false) =>
  !isCommandProcess && (mode === 'in-process' || (mode === 'dedicated' && isWorkerProcess));

/** What the features declare that the root opens: their queues (with workers) and their periodic jobs. */
export interface FeatureWork {
  queues: readonly QueueDeclaration[];
  maintenanceJobs: readonly MaintenanceJob[];
}

/** The objects that need Redis and the database: built once by start(), after the migrations. */
export interface Running
  extends ExperimentFlow, Pick<SendFlow, 'store' | 'records' | 'lifecycle' | 'engine' | 'sendStart' | 'plans' | 'scheduler'> {
  redis: RedisClient;
  /** Every declared queue by key (the maintenance queue's is `maintenance`). */
  queues: Readonly<Record<string, Queue>>;
  workerCount: number;
  transport: TransportSource;
  webView: WebView;
  imports: ImportWork;
  /** The one write path of delivery events: batched, idempotent, each new one handed to the events queue. */
  events: EventRecorder;
  /** Where SMTP refusals become inbound notices of their deliveries. */
  bounces: SmtpBounceRecorder;
  /** The one inbound pipeline: every bounce, complaint, delivery notice and open that comes back goes through it. */
  inbound: InboundPipeline;
  /** Classifies a raw mail (from a mailbox or the raw-mail endpoint) and applies it through the pipeline. */
  mail: MailIntake;
  /** Every ESP's webhooks: verified against the raw body, turned into notices, applied through the pipeline. */
  webhooks: WebhookReceiver;
  /**
   * The public endpoints' opens, clicks and unsubscribes: `add(hit)` never waits; the buffer is
   * written in batches through `events` (every 200 ms or 500 hits) and on close, before the queues.
   */
  tracking: TrackingWriter;
  /** The click redirects' URLs, in process. */
  links: LinkCache;
  /** The public limits and their counts: in process, synced to Redis in the background. */
  publicLimits: PublicCounting;
  /** Deletes raw events past the editor's retention; its maintenance job runs it every few minutes. */
  retention: Retention;
}

/**
 * The composition root: every long-lived object of the plugin is built here, once, from the small
 * interfaces each one declares, and handed to the services (through rootOf) and to the queue
 * processors (as parameters). Nothing it builds looks anything up in Strapi's service registry.
 * register() makes it and opens Redis (an unreachable Redis stops the boot before the database is
 * touched); bootstrap() starts it after the migrations; destroy() closes what it opened, in the
 * reverse order.
 */
export const createRoot = (strapi: Core.Strapi, features: FeatureWork) => {
  const config: PluginConfig = getPluginConfig(strapi);
  const opened = createCloseStack((message) => strapi.log.error(message));
  const composeContext = composeContextOf(config);
  let redis: RedisClient | undefined;
  let running: Running | undefined;

  const notRunning = () => new errors.ApplicationError('campaigns: the queues are not started (Strapi is still booting or shutting down)');

  const build = (client: RedisClient): Running => {
    const knex = strapi.db.connection;
    const { prefix } = config.redis;

    // The maintenance queue first: every process opens it, the ping and the features' periodic jobs run on it.
    const declarations: QueueDeclaration[] = [
      { ...MAINTENANCE_QUEUE, worker: { processor: maintenanceProcessor(features.maintenanceJobs), concurrency: 4 } },
      ...features.queues,
    ];
    const queues = openQueues(declarations, client, prefix);
    const queueOf = (key: string) => {
      const queue = queues[key];
      if (!queue) throw new Error(`campaigns: no feature declares the queue "${key}"`);
      return queue;
    };
    opened.push('the queues', () => closeQueues(queues));
    const transport = lazyTransport(() =>
      config.sending.transport ? config.sending.transport({ strapi }) : createSmtpPool(config.smtp, config.sending.dkim)
    );
    opened.push('the mail transport', () => transport.close());

    const eventStore = eventBatchStoreOf(strapi, createRollupWriter());
    // Closed after the tracking buffer and every worker (pushed before them): their last batches still go through it.
    opened.push('the event write thread', () => eventStore.close());
    const events = createEventRecorder({ store: eventStore, queue: () => queueOf('events'), log: strapi.log });
    const identity = sendingIdentity(config);
    // Without a signing secret nothing went out with a VERP address, so none can be checked.
    const verp: VerpKey | null = config.signingSecret ? { secret: config.signingSecret, bounceAddress: identity.bounceAddress } : null;
    const replyAddress: ReplyAddressKey | null =
      config.signingSecret && identity.replyAddress ? { secret: config.signingSecret, replyAddress: identity.replyAddress } : null;
    const inbound = createInboundPipeline({
      knex,
      policy: config.inbound.policy,
      storedRawBytes: config.inbound.limits.storedRawBytes,
      match: { verp, replyAddress, messageIdDomain: identity.messageIdDomain },
      record: (event) => events.record(event),
      signal,
      announce,
    });
    // Replies are stored once the pipeline applied their mail; a person's reply may tell the campaign's owner.
    const queueNotice = queueOwnerNotice(() => queueOf('replies'), {
      attempts: config.sending.maxAttempts,
      delaySeconds: config.sending.retryDelaySeconds,
    });
    const recordReplies = createReplyRecorder({
      knex,
      read: (raw, classification) => readReply(raw, classification),
      announce,
      // The plugin option turns it on for the site; the editor's toggle (Settings page) too.
      notifyOwner: async (replyId) => {
        if (config.replies.notifyOwner || (await siteSettings.get()).replies.notifyOwner) await queueNotice(replyId);
      },
    });
    const mail = createMailIntake(inbound, config.inbound.limits, recordReplies);
    const replyNotices = createReplyNotices({ knex, campaignOwner: campaignOwnerOf(strapi), transport, identity });
    const webhooks = createWebhookReceiver({
      webhooks: config.inbound.webhooks,
      pipeline: inbound,
      ...redisClaims(client, prefix),
      fetchText,
    });
    const bounces = smtpBounces({ knex, pipeline: inbound });
    const { store, records, lifecycle, campaigns, cache, experiments, plans, engine, sendStart, scheduler } = buildSendFlow({
      strapi,
      config,
      redis: client,
      queueOf,
      transport,
      bounces,
      audience,
      readiness,
      entriesBlocks,
      announce,
      fonts: async () => (await siteSettings.get()).fonts,
      composeContext,
    });
    const imports = createImportWork(strapi, queueOf('import'), config.imports);

    const runWorkers = shouldRunWorkers(
      config.workerMode,
      process.env[WORKER_PROCESS_ENV] === '1',
      process.env[COMMAND_PROCESS_ENV] === '1'
    );
    const reactors = [
      eventHubReactor(strapi.eventHub),
      rateGuardReactor({
        options: config.inbound.rateGuard,
        lifecycle,
        tally: (campaignId) => campaignTally(knex, campaignId),
        log: strapi.log,
      }),
    ];
    const { winnerSend, decisions } = buildExperimentFlow({ strapi, store, records, lifecycle, engine, experiments });
    const retention = createRetention({ knex, rawEventDays: async () => (await siteSettings.get()).retention.rawEventDays });
    const workers = runWorkers
      ? openWorkers(
          declarations,
          { config, log: strapi.log, engine, scheduler, imports, reactors, retention, replyNotices, decisions },
          client,
          prefix
        )
      : [];
    // Last opened, first closed: a job finishing its last message still needs the transport and the queues.
    opened.push('the workers', async () => {
      await Promise.all(workers.map((worker) => worker.close()));
    });
    // Where workers run, so do the mailboxes (one process of all holds each one's lease); they hand mail to the
    // pipeline, whose events go to the queues: opened after them, closed first.
    const mailboxes = runWorkers
      ? openMailboxes({ inbound: config.inbound, knex, redis: client, prefix, intake: mail, log: strapi.log })
      : null;
    if (mailboxes) opened.push('the mailboxes', () => mailboxes.close());

    const publicCounts = createSyncedCounter({ counter: createWindowCounter(client), log: strapi.log });
    opened.push('the public limits sync', () => publicCounts.close());
    const links = createLinkCache({ load: campaignLinksOf(knex) });
    const tracking = createTrackingWriter({
      knex,
      recorder: events,
      links,
      storeClientDetails: async () => (await siteSettings.get()).tracking.storeClientDetails,
      log: strapi.log,
    });
    // Closed first: what it still holds is written, and handed to the events queue, before the queues close.
    opened.push('the tracking buffer', () => tracking.close());

    return {
      redis: client,
      queues,
      workerCount: workers.length,
      store,
      records,
      lifecycle,
      engine,
      sendStart,
      winnerSend,
      decisions,
      plans,
      scheduler,
      transport,
      webView: createWebView({ campaigns, cache, experiments, composeContext }),
      imports,
      events,
      bounces,
      inbound,
      mail,
      webhooks,
      tracking,
      links,
      publicLimits: { limits: config.publicLimits, prefix: `${prefix}:public`, counter: publicCounts },
      retention,
    };
  };

  const audience: AudienceQueries = createAudienceQueries(strapi);
  const storeKey = { type: 'plugin', name: PLUGIN_ID, key: 'site-settings' } as const;
  const siteSettings = createSiteSettings({
    read: () => strapi.store.get(storeKey),
    write: (value) => strapi.store.set({ ...storeKey, value }),
  });
  const senders = config.sending.senders.map((s): Sender => ({ email: s.email, name: s.name ?? null }));
  // The site's entries in campaign blocks: images of the local upload provider are made absolute on publicUrl.
  const entriesBlocks = createEntriesBlocks({ strapi, publicUrl: () => config.publicUrl ?? null });
  const readiness = createReadiness({
    senders,
    config,
    expandBlocks: (content) => entriesBlocks.expandLive(content),
    fonts: async () => (await siteSettings.get()).fonts,
    composeContext,
  });
  const announce = createAnnouncer({
    emit: (name, payload) => strapi.eventHub.emit(name, payload),
    includeEmail: async () => (await siteSettings.get()).events.includeEmail,
    log: strapi.log,
  });
  // Closed last: what the workers and the mailboxes did while closing is announced before the app goes.
  opened.push('the announcements', () => announce.settled());
  /**
   * Needs only the database: contact state changes work before the queues are open (an audience
   * source's removed entry at boot). `db`: a transaction the change must be part of; its events go
   * out once it commits, and none if it rolls back. (Inside a savepoint they go out when the
   * savepoint is released: no caller nests one.)
   */
  const signal = async (contactSignal: ContactSignal, db: Knex = strapi.db.connection) => {
    const outcome = await applySignal(db, signalTables(strapi), contactSignal);
    const events = signalEvents(contactSignal, outcome);
    const announceAll = () => announceEach(announce, events);
    if (!events.length) return outcome.changed.length;
    if ((db as Knex.Transaction).isTransaction) announce.after((db as Knex.Transaction).executionPromise, announceAll);
    else announceAll();
    return outcome.changed.length;
  };

  return {
    config,
    /** Segments compiled to SQL: counted, paged, exported, dispatched. */
    audience,
    /** The one contact signal path (contact-signals/): the precedence table as one conditional UPDATE. */
    signal,
    /** The editor's settings (theme, fonts, event addresses, client details, retention): Strapi's core store, read through a short cache. */
    siteSettings,
    /** The public pages' context (theme, footer, the reader's language) and how one is answered (public-pages/). */
    pages: createPages({
      settings: siteSettings,
      postalAddress: config.sending.postalAddress ?? null,
      siteLanguages: config.pages.languages,
    }),
    /** The one way a `campaigns.*` event reaches the site's code and its webhooks (site-events/). */
    announce,
    /** The public endpoints' token checks (the tracking service and the public limits share them). */
    tokens: createTokenVerifier(config.signingSecret, config.publicUrl) as TokenVerifier,
    composeContext: composeContext as () => ComposeContext,
    /** The configured senders, as the admin lists them; empty when any address may send. */
    senders,
    /** What a campaign must be before it goes out, and the untracked rendering previews share with that check. */
    readiness,
    /** The site's entries as campaign blocks: resolved live, frozen when a send starts (features/content-blocks). */
    entriesBlocks,

    /** Opens the Redis connection; called from register, before Strapi touches the database. */
    async connect() {
      if (redis) return;
      redis = await connectRedis(config.redis);
      const client = redis;
      opened.push('the Redis connection', () => quitRedis(client));
    },

    /** Opens the queues on the connection, builds the send flow and, when this process runs them, the workers. */
    async start() {
      if (running) return;
      if (!redis) await this.connect();
      running = build(redis!);
      // One schedule per Redis prefix, whoever upserts it; any worker process runs the jobs.
      for (const job of features.maintenanceJobs) {
        await running.queues[MAINTENANCE_QUEUE.key].upsertJobScheduler(
          job.scheduler,
          { every: job.everyMs },
          {
            name: job.name,
            data: {},
            opts: { removeOnComplete: true, removeOnFail: 100 },
          }
        );
      }
      // At boot, as every minute after: a schedule whose job Redis lost gets it back now, not in a minute.
      await running.scheduler
        .reconcile()
        .catch((error: Error) => strapi.log.warn(`campaigns: the schedules were not reconciled: ${error.message}`));
      strapi.log.info(
        `campaigns: queues on ${describeRedis(config.redis)} (prefix "${config.redis.prefix}"), worker mode ${config.workerMode}, ` +
          `${running.workerCount ? `${running.workerCount} workers in this process` : 'no workers in this process'}`
      );
    },

    /** Something a lifecycle file started that must stop with the rest, in the same reverse order. */
    adopt(name: string, close: () => Promise<void> | void) {
      opened.push(name, close);
    },

    /** The running objects; an ApplicationError while Strapi is still booting or already shutting down. */
    get running(): Running {
      if (!running) throw notRunning();
      return running;
    },

    /** Closes everything it opened, last opened first. */
    async close() {
      running = undefined;
      redis = undefined;
      await opened.closeAll();
    },
  };
};

export type Root = ReturnType<typeof createRoot>;
