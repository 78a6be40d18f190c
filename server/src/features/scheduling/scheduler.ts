import type { Job, Queue } from 'bullmq';
import type { CampaignPauseReason } from '../../../../shared/contracts/campaigns';

/** A scheduled campaign as the scheduler needs it: its schedule's version and when its send starts. */
export interface ScheduledCampaign {
  id: number;
  version: number;
  sendAt: number;
}

/** Where campaigns keep their state and schedule (the campaigns table): the database is the source of truth. */
export interface ScheduleStore {
  /** Every campaign in `scheduled`, with its version and start. */
  scheduled(): Promise<ScheduledCampaign[]>;
  find(campaignId: number): Promise<(ScheduledCampaign & { state: string }) | null>;
}

/** What happens when a schedule's time comes: the send starts, or the campaign is paused and told why. */
export interface ScheduleOutcomes {
  /** Answers false when the campaign moved meanwhile; throws a ValidationError when it is not ready to send. */
  start(campaignId: number): Promise<boolean>;
  miss(campaignId: number, reason: CampaignPauseReason): Promise<boolean>;
}

export interface ScheduleJobData {
  campaignId: number;
  version: number;
}

export type ScheduleJob = Job<ScheduleJobData, unknown, 'start'>;

export interface SchedulerDeps {
  queue: Pick<Queue<ScheduleJobData>, 'add' | 'getJob' | 'getJobs' | 'remove'>;
  store: ScheduleStore;
  outcomes: ScheduleOutcomes;
  /** How late a start may still happen (the app was down, Redis was lost); later, the campaign is paused. */
  graceMs: number;
  /** Tries of a job before it counts as failed (and waits for the reconcile): 5, a test's fewer. */
  attempts?: number;
  now?: () => number;
  log: { warn(message: string): void };
}

/** One job per campaign and version: adding it again while it exists is a no-op, a new version is a new job. */
export const scheduleJobId = (campaignId: number, version: number) => `schedule-${campaignId}-${version}`;

// Kept only while waiting: a job that ran has moved its campaign, and a failed one is told in the log.
const JOB_OPTIONS = { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: 100 } as const;

const isValidationError = (error: unknown) => (error as { name?: string })?.name === 'ValidationError';

const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * Keeps exactly one delayed job per scheduled campaign (scheduleJobId), starts the send when it
 * fires, and reconciles the queue with the database: a job lost with Redis comes back, a job whose
 * campaign was unscheduled, rescheduled, cancelled or deleted goes. Every decision is re-read from
 * the database when the job runs, so a stale job, or one run twice, changes nothing.
 */
export const createScheduler = ({
  queue,
  store,
  outcomes,
  graceMs,
  attempts = JOB_OPTIONS.attempts,
  now = Date.now,
  log,
}: SchedulerDeps) => {
  const add = (campaign: ScheduledCampaign) =>
    queue.add(
      'start',
      { campaignId: campaign.id, version: campaign.version },
      {
        ...JOB_OPTIONS,
        attempts,
        jobId: scheduleJobId(campaign.id, campaign.version),
        delay: Math.max(0, campaign.sendAt - now()),
      }
    );

  /** The jobs that have not run yet. */
  const waiting = () => queue.getJobs(['delayed', 'waiting', 'prioritized']);

  const removeQuietly = async (job: Job) => {
    try {
      await job.remove();
    } catch (error) {
      // Running right now: it re-reads the campaign and does nothing for a stale version.
      log.warn(`campaigns: the schedule job ${job.id} was not removed: ${(error as Error).message}`);
    }
  };

  return {
    /** The campaign's schedule as it now is: its job for this version in place, the jobs of any other version gone. */
    async sync(campaign: ScheduledCampaign) {
      await add(campaign);
      await this.forget(campaign.id, campaign.version);
    },

    /** Removes the campaign's waiting jobs (all of them, or all but `keepVersion`'s). */
    async forget(campaignId: number, keepVersion?: number) {
      for (const job of await waiting()) {
        if (job.data.campaignId === campaignId && job.data.version !== keepVersion) await removeQuietly(job);
      }
    },

    /** A job's time came: starts the send if the campaign still is scheduled at that version, on time or within the grace period. */
    async fire({ campaignId, version }: ScheduleJobData): Promise<'started' | 'missed' | 'not ready' | 'stale'> {
      const campaign = await store.find(campaignId);
      if (!campaign || campaign.state !== 'scheduled' || campaign.version !== version) return 'stale';
      const late = now() - campaign.sendAt;
      const at = new Date(now()).toISOString();
      if (late > graceMs) {
        const message = `its send time, ${new Date(campaign.sendAt).toISOString()}, passed ${minutes(late)} minutes ago while the plugin was not running (grace period: ${minutes(graceMs)} minutes)`;
        return (await outcomes.miss(campaignId, { cause: 'missed-time', message, at })) ? 'missed' : 'stale';
      }
      try {
        return (await outcomes.start(campaignId)) ? 'started' : 'stale';
      } catch (error) {
        if (!isValidationError(error)) throw error;
        return (await outcomes.miss(campaignId, { cause: 'not-ready', message: (error as Error).message, at })) ? 'not ready' : 'stale';
      }
    },

    /**
     * The queue made to match the database: missing jobs added, stale ones removed, and a job that
     * failed all its attempts (the database was away when it fired) tried again while its campaign
     * still waits for it: BullMQ keeps a failed job's id, so adding it again would do nothing.
     */
    async reconcile(): Promise<{ added: number; removed: number; retried: number }> {
      const wanted = await store.scheduled();
      const wantedIds = new Set(wanted.map((c) => scheduleJobId(c.id, c.version)));
      const jobs = await waiting();
      const present = new Set(jobs.map((job) => job.id));
      let removed = 0;
      for (const job of jobs) {
        if (wantedIds.has(job.id!)) continue;
        await removeQuietly(job);
        removed += 1;
      }
      let retried = 0;
      for (const job of await queue.getJobs(['failed'])) {
        if (!wantedIds.has(job.id!)) continue;
        await job.retry('failed');
        present.add(job.id);
        retried += 1;
      }
      let added = 0;
      for (const campaign of wanted) {
        if (present.has(scheduleJobId(campaign.id, campaign.version))) continue;
        // Also re-adds, harmlessly, the job that is running right now: BullMQ keeps the one it has.
        await add(campaign);
        added += 1;
      }
      return { added, removed, retried };
    },
  };
};

export type Scheduler = ReturnType<typeof createScheduler>;
