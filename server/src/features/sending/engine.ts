import type { Job, Queue } from 'bullmq';
import type { PluginConfig } from '../../config/schema';
import { TemplateError } from '../../content/liquid';
import type { CampaignLifecycle } from '../campaigns/lifecycle';
import { classifyFailure, type Transport } from '../../mail/transport';
import type { SendJobs } from './jobs';
import { retryDelayMs } from './backoff';
import { dueBatches } from './due-batches';
import type { AudiencePages, BounceRecorder, CampaignSource, DuePlan, DuePlans, ExperimentSource, TransportSource } from './engine-ports';
import { composeMessage, messageIdFor, type ComposeContext, type ComposeOptions, type Recipient } from './compose';
import type { DeliveryStore, DeliveryToSend, QueuedDelivery } from './delivery-store';
import { STALE_SENDING_MS } from './delivery-states';
import type { CampaignCache, PreparedCampaign } from './prepared-campaign';
import type { RateLimiter } from './rate-limiter';
import type { SendRecords } from './send-records';
import { awaitsWinner, dispatchModeOf, placeContacts, prepareVariant, type SendExperiment } from './variants';

/** Contacts a dispatch page reads: one keyset page of the segment, one transaction of deliveries. */
const DISPATCH_PAGE = 1000;
/**
 * Deliveries claimed per write (which also marks the previous group sent). A bigger group means
 * fewer writes but more messages that a killed worker leaves `unknown`: at most two groups (the
 * one sent but not yet written, the one claimed) per running job.
 */
const CLAIM_GROUP = 10;
/** A group stops gathering once its rate slots have made it wait this long. */
const GROUP_WAIT_MS = 20;
/** A dispatch resumes from its cursor: retrying it costs at most one page. */
const DISPATCH_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: 1000,
} as const;

/** How early a delayed job may run and still send (timers and Redis's clock are not exact). */
const EARLY_TOLERANCE_MS = 1000;

/** How old a campaign state a running job may act on (a pause or cancel takes this long at most). */
const STATE_CHECK_MS = 250;

export type SendJob = Job<SendJobs['batch'], unknown, 'batch'>;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

type JobQueue = Pick<Queue, 'add' | 'addBulk' | 'getJob' | 'getJobCounts'>;

export interface SendEngineDeps {
  sending: Pick<PluginConfig['sending'], 'batchSize' | 'maxAttempts' | 'retryDelaySeconds'>;
  store: DeliveryStore;
  records: SendRecords;
  lifecycle: CampaignLifecycle;
  campaigns: CampaignSource;
  cache: CampaignCache;
  audience: AudiencePages;
  plans: DuePlans;
  experiments: ExperimentSource;
  bounces: BounceRecorder;
  queues: { send: JobQueue; dispatch: JobQueue };
  limiter: RateLimiter;
  transport: TransportSource;
  composeContext: () => ComposeContext;
  log: { warn(message: string): void; error(message: string): void };
}

/**
 * The send flow of one process: dispatch pages, send jobs, their outcomes and the campaign's end.
 * Everything durable is in the database, so any process (web or dedicated worker) can pick up
 * where another stopped. It knows nothing of Strapi: the composition root hands it what it uses.
 */
export const createSendEngine = (deps: SendEngineDeps) => {
  const { sending: config, store, records, lifecycle, cache, queues, log } = deps;

  // One read of a campaign's state serves every job of this process for STATE_CHECK_MS.
  const recentStates = new Map<number, { at: number; state: ReturnType<typeof lifecycle.stateOf> }>();
  const recentStateOf = (campaignId: number) => {
    const now = Date.now();
    const recent = recentStates.get(campaignId);
    if (recent && now - recent.at < STATE_CHECK_MS) return recent.state;
    const state = lifecycle.stateOf(campaignId);
    recentStates.set(campaignId, { at: now, state });
    return state;
  };

  const jobOptions = { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 1000 } as const;

  /** Send jobs for these deliveries (dueBatches); the job ids make a repeated enqueue a no-op while the job exists. */
  const enqueue = async (campaignId: number, key: string | number, deliveries: readonly QueuedDelivery[]) => {
    const jobs = dueBatches(deliveries, config.batchSize, Date.now()).map(({ deliveryIds, delay }) => ({
      name: 'batch' as const,
      data: { campaignId, deliveryIds },
      opts: { ...jobOptions, jobId: `send-${campaignId}-${key}-${deliveryIds[0]}`, ...(delay > 0 ? { delay } : {}) },
    }));
    if (jobs.length) await queues.send.addBulk(jobs);
  };

  /** The dispatch job of a run: its id makes adding it twice a no-op while it exists. */
  const startDispatch = (campaignId: number, run: number) =>
    queues.dispatch.add('dispatch', { campaignId }, { jobId: `dispatch-${campaignId}-${run}`, ...DISPATCH_JOB_OPTIONS });

  /** Send jobs again for every queued delivery of the campaign (a resume, the sweep); answers how many. */
  const requeueQueued = async (campaignId: number, run: number) => {
    let count = 0;
    for (let after = 0; ;) {
      const queued = await store.queuedAfter(campaignId, after, 5000);
      if (!queued.length) return count;
      await enqueue(campaignId, run, queued);
      count += queued.length;
      after = queued[queued.length - 1].id;
    }
  };

  /**
   * The campaign is over once its dispatch is done and no delivery is queued or being sent: `sent`,
   * or `failed` when every delivery failed (not one message went out, none may have).
   */
  const finalize = async (campaignId: number) => {
    const record = await records.find(campaignId);
    if (!record || record.finishedAt) return;
    const state = await lifecycle.stateOf(campaignId);
    if (await store.hasPending(campaignId)) return;
    const now = Date.now();
    if (state === 'sending' && record.state === 'dispatched') {
      // The test group went out; the rest of the audience waits for the winner (sendWinner), the campaign with it.
      if (awaitsWinner(await deps.experiments.forSend(campaignId), record.winner, record.wave)) return;
      const counts = await store.counts(campaignId);
      const noneWentOut = counts.failed > 0 && counts.sent === 0 && counts.unknown === 0;
      await lifecycle.take(campaignId, noneWentOut ? 'fail' : 'complete', (trx) => records.finish(campaignId, now, trx));
    } else if (state === 'cancelled') {
      await records.finish(campaignId, now);
    }
  };

  const recipientOf = (delivery: DeliveryToSend): Recipient => ({
    deliveryId: delivery.id,
    email: delivery.email,
    contact: delivery.contact,
  });

  /**
   * One claimed delivery: its message, then the transport. Answers whether it was sent; a message
   * that cannot be made or a refusal is settled here, so a claim ends `unknown` only when the
   * message may really have left.
   */
  const sendOne = async (
    campaignId: number,
    jobId: string,
    delivery: DeliveryToSend,
    job: { ctx: ComposeContext; prepared: PreparedCampaign; transport: Transport; composeOptions: ComposeOptions }
  ) => {
    let message;
    try {
      message = composeMessage(job.ctx, job.prepared, recipientOf(delivery), job.composeOptions);
    } catch (error) {
      await engine.failUnsendable(campaignId, delivery.id, jobId, error);
      return false;
    }
    try {
      await job.transport.send(message);
      return true;
    } catch (error) {
      await engine.settleFailure(campaignId, delivery.id, delivery.attempts + 1, jobId, error);
      return false;
    }
  };

  const engine = {
    startDispatch,
    requeueQueued,
    finalize,

    /**
     * Pages the frozen audience from the committed cursor: each page's deliveries are inserted
     * (a contact that has one already is skipped), its queued deliveries enqueued, then the cursor
     * moves. A crash anywhere in a page redoes that page, which creates nothing twice.
     */
    async dispatch(campaignId: number) {
      let topicId: number | null | undefined;
      // Opened once from the saved state: it carries its counters from page to page.
      let plan: DuePlan | null | undefined;
      // Its variants are fixed once its test starts; what the dispatch does with them follows the record (a winner set meanwhile).
      let experiment: SendExperiment | null | undefined;
      for (;;) {
        const record = await records.find(campaignId);
        if (!record || record.state !== 'dispatching') break;
        if ((await lifecycle.stateOf(campaignId)) !== 'sending') return;
        topicId ??= (await deps.campaigns.load(campaignId))?.topicId ?? null;
        if (plan === undefined) plan = record.plan == null ? null : deps.plans.open(record.plan);
        if (experiment === undefined) experiment = await deps.experiments.forSend(campaignId);
        const mode = dispatchModeOf(experiment, record.winner, record.wave);
        const page = await deps.audience.page(record.rules, { after: record.cursor, limit: DISPATCH_PAGE, topicId });
        const now = Date.now();
        if (!page.length) {
          await records.markDispatched(campaignId, now, record.run);
          break;
        }
        const last = page[page.length - 1].id;
        // The rest goes at once: its plan's times passed with the test.
        const planned = plan && mode.kind !== 'rest' ? plan.place(page) : null;
        const placed = placeContacts(mode, page, planned, {
          secret: mode.kind === 'test' || mode.kind === 'waves' ? deps.composeContext().secret : '',
          assignVariant: deps.experiments.assignVariant,
          assignWave: deps.experiments.assignWave,
        });
        await store.insertQueued(
          campaignId,
          page.flatMap((contact, i) => (placed[i] ? [{ ...contact, ...placed[i] }] : [])),
          now
        );
        const winner = mode.kind === 'rest' ? mode.variant.key : undefined;
        await enqueue(campaignId, record.run, await store.queuedForContacts(campaignId, record.cursor, last, winner));
        await records.advanceCursor(campaignId, last, now, plan?.state(), record.run);
      }
      await finalize(campaignId);
    },

    /** One send job: settle what an earlier attempt left, re-check, then claim, render and send each delivery. */
    async send(job: SendJob) {
      const { campaignId, deliveryIds } = job.data;
      const jobId = String(job.id);
      await store.settleOrphans(deliveryIds, jobId, Date.now());
      const row = await deps.campaigns.load(campaignId);
      if (!row || row.state === 'cancelled') {
        await store.cancelIds(deliveryIds, Date.now());
        return finalize(campaignId);
      }
      if (row.state !== 'sending') return;

      const ctx = deps.composeContext();
      const loaded = await store.loadSendable(deliveryIds, Date.now(), row.topicId);
      // A job that runs before its deliveries are due (promoted by hand, a clock that jumped) sends none of them early.
      const early = loaded.filter((d) => d.dueAt !== null && d.dueAt > Date.now() + EARLY_TOLERANCE_MS);
      if (early.length) await enqueue(campaignId, `due${early[0].dueAt}`, early);
      const deliveries = early.length ? loaded.filter((d) => !early.includes(d)) : loaded;
      // One message per variant among the job's deliveries: A/B variants are interleaved, so a job usually holds several.
      const variants = [...new Set(deliveries.map((d) => d.variant))];
      const prepared = new Map<string, PreparedCampaign>();
      try {
        const experiment = variants.some(Boolean) ? await deps.experiments.forSend(campaignId) : null;
        for (const key of variants) prepared.set(key, await prepareVariant(cache, row, key, experiment));
      } catch (error) {
        // Content is checked when saved and when sending starts; one that still fails stops the campaign rather than failing every delivery.
        if (error instanceof TemplateError) {
          await lifecycle.halt(campaignId, { cause: 'template-error', message: error.message, at: new Date().toISOString() });
          log.error(`campaigns: campaign ${campaignId} paused: ${error.message}`);
          return;
        }
        throw error;
      }
      const composeOptions = { eightBit: deliveries.length ? await deps.transport.eightBitMime() : false };
      // Before any claim: a transport that cannot be created has sent nothing, and must not pass for one that lost a message.
      const transport = deps.transport.get();
      // Sent, not yet written: the next claim writes them in its transaction, the end of the job otherwise.
      let sent: number[] = [];
      try {
        for (let at = 0; at < deliveries.length;) {
          // Rate slots first, then the claim: a group only gathers what may go out right away, so a
          // slow domain makes groups of one and a pause stops all but the message in flight.
          const candidates = deliveries.slice(at, at + CLAIM_GROUP);
          const group = candidates.slice(
            0,
            await deps.limiter.acquireGroup(
              candidates.map((d) => d.email),
              GROUP_WAIT_MS
            )
          );
          at += group.length;
          if ((await recentStateOf(campaignId)) !== 'sending') break;
          const claimed = await store.claim(
            group.map((d) => d.id),
            jobId,
            (id) => messageIdFor(ctx, id),
            Date.now(),
            sent
          );
          sent = [];
          const mine = group.filter((d) => claimed.has(d.id));
          for (const [i, delivery] of mine.entries()) {
            try {
              const message = { ctx, prepared: prepared.get(delivery.variant)!, transport, composeOptions };
              if (await sendOne(campaignId, jobId, delivery, message)) sent.push(delivery.id);
            } catch (error) {
              await engine.releaseUntried(
                mine.slice(i + 1).map((d) => d.id),
                jobId
              );
              throw error;
            }
          }
        }
      } finally {
        await store.markSent(sent, jobId, Date.now());
      }
      if ((await lifecycle.stateOf(campaignId)) === 'cancelled') await store.cancelIds(deliveryIds, Date.now());
      await finalize(campaignId);
    },

    /** What a refused or lost message means: a later try, a bounce, or an unknown that is never resent. */
    async settleFailure(campaignId: number, deliveryId: number, attemptsMade: number, jobId: string, error: unknown) {
      const failure = classifyFailure(error);
      const now = Date.now();
      const detail = { error: failure.message, responseCode: failure.responseCode };
      if (failure.outcome === 'retry' && attemptsMade < config.maxAttempts) {
        const delay = retryDelayMs(config.retryDelaySeconds, attemptsMade);
        await store.settle(deliveryId, jobId, 'queued', { ...detail, retryAt: now + delay }, now);
        await queues.send.add(
          'batch',
          { campaignId, deliveryIds: [deliveryId] },
          { ...jobOptions, delay, jobId: `retry-${deliveryId}-${attemptsMade}` }
        );
        return;
      }
      if (failure.outcome === 'unknown') {
        await store.settle(deliveryId, jobId, 'unknown', detail, now);
        return;
      }
      await store.settle(deliveryId, jobId, 'failed', detail, now);
      await deps.bounces.recordSmtpBounce(deliveryId, {
        permanent: failure.outcome === 'failed',
        responseCode: failure.responseCode,
        message: failure.message,
        attempt: attemptsMade,
      });
    },

    /**
     * A message that could not be made for its contact (the template hit a limit or a filter threw
     * on their data, the MIME could not be built): nothing left, so the delivery is `failed` with
     * the reason, not `unknown`, and not a bounce (the address is fine). The others go on.
     */
    async failUnsendable(campaignId: number, deliveryId: number, jobId: string, error: unknown) {
      const reason =
        error instanceof TemplateError
          ? `the template cannot be rendered for this contact: ${error.message}`
          : `the message could not be built: ${errorMessage(error)}`;
      try {
        await store.settle(deliveryId, jobId, 'failed', { error: reason, responseCode: null }, Date.now());
      } catch (writeError) {
        // Nothing left for this delivery: back to the queue for the job's retry, never `unknown`.
        await engine.releaseUntried([deliveryId], jobId);
        throw writeError;
      }
      log.warn(`campaigns: campaign ${campaignId}, delivery ${deliveryId} failed, nothing was sent: ${reason}`);
    },

    /**
     * The job is stopping with deliveries of its group claimed but never tried: they go back to the
     * queue for the job's retry, which would otherwise settle them as `unknown` though nothing left.
     * When even that write fails they stay claimed, and the retry settles them as `unknown`.
     */
    async releaseUntried(ids: readonly number[], jobId: string) {
      try {
        await store.release(ids, jobId, Date.now());
      } catch (error) {
        log.error(
          `campaigns: deliveries ${ids.join(', ')} could not be given back to the queue (they will count as unknown): ${errorMessage(error)}`
        );
      }
    },

    /** A send job BullMQ gave up on: nothing of it may stay queued or sending, or the campaign never ends. */
    async abandon(job: SendJob, error: Error) {
      await store.abandon(job.data.deliveryIds, String(job.id), `the send job failed: ${error.message}`, Date.now());
      await finalize(job.data.campaignId);
    },

    /**
     * The safety net for work a crash lost between two writes (a retry whose job was never added,
     * a dispatch job gone with Redis, a finish nobody saw). It acts only on campaigns that are
     * `sending` while the send queue is idle, so it never duplicates work that is merely waiting;
     * job ids and claims make whatever it re-adds harmless.
     */
    async sweep() {
      const counts = await queues.send.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).some((n) => n > 0)) return { swept: 0 };
      const sending = await deps.campaigns.idsInState('sending');
      const now = Date.now();
      let swept = 0;
      for (const id of sending) {
        const record = await records.find(id);
        if (!record) continue;
        if (record.state === 'dispatching') {
          const job = await queues.dispatch.getJob(`dispatch-${id}-${record.run}`);
          if (!job) await startDispatch(id, record.run);
          else if (await job.isFailed()) await job.retry();
          continue;
        }
        swept += await store.settleStale(id, now - STALE_SENDING_MS, now);
        swept += await requeueQueued(id, record.run);
        await finalize(id);
      }
      return { swept };
    },
  };
  return engine;
};

export type SendEngine = ReturnType<typeof createSendEngine>;
