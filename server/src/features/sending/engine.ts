import type { Core } from '@strapi/strapi';
import type { Job, Queue } from 'bullmq';
import { UID } from '../../constants';
import { TemplateError } from '../../content/liquid';
import { sendingIdentity } from '../../mail/identity';
import { createSmtpPool } from '../../mail/smtp-pool';
import { classifyFailure, type Transport } from '../../mail/transport';
import type { SendJobs } from './jobs';
import { getPluginConfig } from '../../config/plugin-config';
import { getService } from '../../services/get-service';
import { trackingUrls } from '../tracking/urls';
import { retryDelayMs } from './backoff';
import { composeMessage, messageIdFor, type ComposeContext, type ComposeOptions, type Recipient } from './compose';
import { deliveryStore, type DeliveryToSend } from './delivery-store';
import { createCampaignCache, type CampaignRow, type PreparedCampaign } from './prepared-campaign';
import { createRateLimiter, type RateLimiter } from './rate-limiter';
import { sendRecords } from './send-records';

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
export const DISPATCH_JOB_OPTIONS = { attempts: 10, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: 1000 } as const;

/** A delivery claimed this long ago by a job that no longer exists was lost with its worker. */
const STALE_SENDING_MS = 10 * 60_000;
/** How old a campaign state a running job may act on (a pause or cancel takes this long at most). */
const STATE_CHECK_MS = 250;

export type SendJob = Job<SendJobs['batch'], unknown, 'batch'>;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

const CAMPAIGN_FIELDS = ['id', 'documentId', 'name', 'subject', 'preheader', 'fromName', 'fromEmail', 'replyTo', 'content', 'plainText', 'state', 'updatedAt'] as const;

/**
 * The send flow of one process: dispatch pages, send jobs, their outcomes and the campaign's end.
 * Queues come from the queues service; everything durable is in the database, so any process
 * (web or dedicated worker) can pick up where another stopped.
 */
export const createSendEngine = (strapi: Core.Strapi) => {
  const config = getPluginConfig(strapi);
  const knex = strapi.db.connection;
  const contactsTable = strapi.db.metadata.get(UID.contact).tableName;
  const store = deliveryStore(knex, { contacts: contactsTable, suppressions: strapi.db.metadata.get(UID.suppression).tableName });
  const records = sendRecords(knex, strapi.db.metadata.get(UID.campaign).tableName);
  const cache = createCampaignCache(knex);
  let transport: Transport | undefined;
  let limiter: RateLimiter | undefined;

  const queues = () => getService(strapi, 'queues');
  const sendQueue = (): Queue => queues().queue('send');

  const composeContext = (): ComposeContext => {
    if (!config.signingSecret || !config.publicUrl) {
      throw new Error('campaigns: sending needs the signingSecret and publicUrl options (links in mail are signed and point there)');
    }
    return { secret: config.signingSecret, identity: sendingIdentity(config), urls: trackingUrls(config.publicUrl, config.signingSecret) };
  };

  const getTransport = () => {
    transport ??= config.sending.transport ? config.sending.transport({ strapi }) : createSmtpPool(config.smtp, config.sending.dkim);
    return transport;
  };

  /** The pool remembers the server's answer; a probe that fails (no connection) costs only this job its 8-bit bodies. */
  const eightBitMime = async () => {
    try {
      return (await getTransport().supports8BitMime?.()) ?? false;
    } catch {
      return false;
    }
  };

  // One read of a campaign's state serves every job of this process for STATE_CHECK_MS.
  const recentStates = new Map<number, { at: number; state: ReturnType<typeof records.stateOf> }>();
  const recentStateOf = (campaignId: number) => {
    const now = Date.now();
    const recent = recentStates.get(campaignId);
    if (recent && now - recent.at < STATE_CHECK_MS) return recent.state;
    const state = records.stateOf(campaignId);
    recentStates.set(campaignId, { at: now, state });
    return state;
  };

  const getLimiter = () => {
    limiter ??= createRateLimiter(queues().redis(), config.redis.prefix, config.rateLimits);
    return limiter;
  };

  const loadCampaign = async (campaignId: number): Promise<CampaignRow | null> =>
    strapi.db.query(UID.campaign).findOne({ where: { id: campaignId }, select: [...CAMPAIGN_FIELDS] }) as Promise<CampaignRow | null>;

  const jobOptions = { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 1000 } as const;

  /** Send jobs for these deliveries, in batches; the job ids make a repeated enqueue a no-op while the job exists. */
  const enqueue = async (campaignId: number, run: number, ids: readonly number[]) => {
    const jobs = [];
    for (let i = 0; i < ids.length; i += config.sending.batchSize) {
      const deliveryIds = ids.slice(i, i + config.sending.batchSize);
      jobs.push({ name: 'batch' as const, data: { campaignId, deliveryIds }, opts: { ...jobOptions, jobId: `send-${campaignId}-${run}-${deliveryIds[0]}` } });
    }
    if (jobs.length) await sendQueue().addBulk(jobs);
  };

  /** Send jobs again for every queued delivery of the campaign (a resume, the sweep); answers how many. */
  const requeueQueued = async (campaignId: number, run: number) => {
    let count = 0;
    for (let after = 0; ; ) {
      const ids = await store.queuedIdsAfter(campaignId, after, 5000);
      if (!ids.length) return count;
      await enqueue(campaignId, run, ids);
      count += ids.length;
      after = ids[ids.length - 1];
    }
  };

  /** The campaign is `sent` once its dispatch is done and no delivery is queued or being sent. */
  const finalize = async (campaignId: number) => {
    const record = await records.find(campaignId);
    if (!record || record.finishedAt) return;
    const state = await records.stateOf(campaignId);
    if (await store.hasPending(campaignId)) return;
    const now = Date.now();
    if (state === 'sending' && record.state === 'dispatched') {
      if (await records.transition(campaignId, ['sending'], 'sent', now)) {
        await records.finish(campaignId, now);
        strapi.eventHub.emit('campaigns.campaign.sent', { campaignId, counts: await store.counts(campaignId) });
      }
    } else if (state === 'cancelled') {
      await records.finish(campaignId, now);
    }
  };

  const recipientOf = (delivery: DeliveryToSend): Recipient => ({ deliveryId: delivery.id, email: delivery.email, contact: delivery.contact });

  /**
   * One claimed delivery: its message, then the transport. Answers whether it was sent; a message
   * that cannot be made or a refusal is settled here, so a claim ends `unknown` only when the
   * message may really have left.
   */
  const sendOne = async (campaignId: number, jobId: string, delivery: DeliveryToSend, job: { ctx: ComposeContext; prepared: PreparedCampaign; transport: Transport; composeOptions: ComposeOptions }) => {
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
    store,
    records,
    cache,
    requeueQueued,
    finalize,
    composeContext,
    getTransport,
    eightBitMime,
    loadCampaign,

    /**
     * Pages the frozen audience from the committed cursor: each page's deliveries are inserted
     * (a contact that has one already is skipped), its queued deliveries enqueued, then the cursor
     * moves. A crash anywhere in a page redoes that page, which creates nothing twice.
     */
    async dispatch(campaignId: number) {
      const segments = getService(strapi, 'segments');
      for (;;) {
        const record = await records.find(campaignId);
        if (!record || record.state !== 'dispatching') break;
        if ((await records.stateOf(campaignId)) !== 'sending') return;
        const page = await segments.pageRules(record.rules, { after: record.cursor, limit: DISPATCH_PAGE });
        const now = Date.now();
        if (!page.length) {
          await records.markDispatched(campaignId, now);
          break;
        }
        const last = page[page.length - 1].id;
        await store.insertQueued(campaignId, page, now);
        await enqueue(campaignId, record.run, await store.queuedIdsForContacts(campaignId, record.cursor, last));
        await records.advanceCursor(campaignId, last, now);
      }
      await finalize(campaignId);
    },

    /** One send job: settle what an earlier attempt left, re-check, then claim, render and send each delivery. */
    async send(job: SendJob) {
      const { campaignId, deliveryIds } = job.data;
      const jobId = String(job.id);
      await store.settleOrphans(deliveryIds, jobId, Date.now());
      const row = await loadCampaign(campaignId);
      if (!row || row.state === 'cancelled') {
        await store.cancelIds(deliveryIds, Date.now());
        return finalize(campaignId);
      }
      if (row.state !== 'sending') return;

      const ctx = composeContext();
      let prepared;
      try {
        prepared = await cache.get(row);
      } catch (error) {
        // Content is checked when saved and when sending starts; one that still fails stops the campaign rather than failing every delivery.
        if (error instanceof TemplateError) {
          await records.transition(campaignId, ['sending'], 'paused', Date.now());
          strapi.log.error(`campaigns: campaign ${campaignId} paused: ${error.message}`);
          return;
        }
        throw error;
      }
      const deliveries = await store.loadSendable(deliveryIds, Date.now());
      const composeOptions = { eightBit: deliveries.length ? await eightBitMime() : false };
      // Before any claim: a transport that cannot be created has sent nothing, and must not pass for one that lost a message.
      const transport = getTransport();
      // Sent, not yet written: the next claim writes them in its transaction, the end of the job otherwise.
      let sent: number[] = [];
      try {
        for (let at = 0; at < deliveries.length; ) {
          // Rate slots first, then the claim: a group only gathers what may go out right away, so a
          // slow domain makes groups of one and a pause stops all but the message in flight.
          const candidates = deliveries.slice(at, at + CLAIM_GROUP);
          const group = candidates.slice(0, await getLimiter().acquireGroup(candidates.map((d) => d.email), GROUP_WAIT_MS));
          at += group.length;
          if ((await recentStateOf(campaignId)) !== 'sending') break;
          const claimed = await store.claim(group.map((d) => d.id), jobId, (id) => messageIdFor(ctx, id), Date.now(), sent);
          sent = [];
          const mine = group.filter((d) => claimed.has(d.id));
          for (const [i, delivery] of mine.entries()) {
            try {
              if (await sendOne(campaignId, jobId, delivery, { ctx, prepared, transport, composeOptions })) sent.push(delivery.id);
            } catch (error) {
              await engine.releaseUntried(mine.slice(i + 1).map((d) => d.id), jobId);
              throw error;
            }
          }
        }
      } finally {
        await store.markSent(sent, jobId, Date.now());
      }
      if ((await records.stateOf(campaignId)) === 'cancelled') await store.cancelIds(deliveryIds, Date.now());
      await finalize(campaignId);
    },

    /** What a refused or lost message means: a later try, a bounce, or an unknown that is never resent. */
    async settleFailure(campaignId: number, deliveryId: number, attemptsMade: number, jobId: string, error: unknown) {
      const failure = classifyFailure(error);
      const now = Date.now();
      const detail = { error: failure.message, responseCode: failure.responseCode };
      if (failure.outcome === 'retry' && attemptsMade < config.sending.maxAttempts) {
        const delay = retryDelayMs(config.sending.retryDelaySeconds, attemptsMade);
        await store.settle(deliveryId, jobId, 'queued', { ...detail, retryAt: now + delay }, now);
        await sendQueue().add('batch', { campaignId, deliveryIds: [deliveryId] }, { ...jobOptions, delay, jobId: `retry-${deliveryId}-${attemptsMade}` });
        return;
      }
      if (failure.outcome === 'unknown') {
        await store.settle(deliveryId, jobId, 'unknown', detail, now);
        return;
      }
      await store.settle(deliveryId, jobId, 'failed', detail, now);
      await getService(strapi, 'deliveryEvents').recordSmtpBounce(deliveryId, {
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
      const reason = error instanceof TemplateError ? `the template cannot be rendered for this contact: ${error.message}` : `the message could not be built: ${errorMessage(error)}`;
      try {
        await store.settle(deliveryId, jobId, 'failed', { error: reason, responseCode: null }, Date.now());
      } catch (writeError) {
        // Nothing left for this delivery: back to the queue for the job's retry, never `unknown`.
        await engine.releaseUntried([deliveryId], jobId);
        throw writeError;
      }
      strapi.log.warn(`campaigns: campaign ${campaignId}, delivery ${deliveryId} failed, nothing was sent: ${reason}`);
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
        strapi.log.error(`campaigns: deliveries ${ids.join(', ')} could not be given back to the queue (they will count as unknown): ${errorMessage(error)}`);
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
      const counts = await sendQueue().getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).some((n) => n > 0)) return { swept: 0 };
      const sending: Array<{ id: number }> = await strapi.db.query(UID.campaign).findMany({ where: { state: 'sending' }, select: ['id'] });
      const now = Date.now();
      let swept = 0;
      for (const { id } of sending) {
        const record = await records.find(id);
        if (!record) continue;
        if (record.state === 'dispatching') {
          const dispatchQueue = queues().queue('dispatch');
          const jobId = `dispatch-${id}-${record.run}`;
          const job = await dispatchQueue.getJob(jobId);
          if (!job) await dispatchQueue.add('dispatch', { campaignId: id }, { jobId, ...DISPATCH_JOB_OPTIONS });
          else if (await job.isFailed()) await job.retry();
          continue;
        }
        swept += await store.settleStale(id, now - STALE_SENDING_MS, now);
        swept += await requeueQueued(id, record.run);
        await finalize(id);
      }
      return { swept };
    },

    async close() {
      const current = transport;
      transport = undefined;
      await current?.close();
    },
  };
  return engine;
};

export type SendEngine = ReturnType<typeof createSendEngine>;
