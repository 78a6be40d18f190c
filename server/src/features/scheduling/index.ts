import { ACTIONS } from '../../constants';
import { DOCUMENT_ID, guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import schedulingController from './controller';
import type { ScheduleJob } from './scheduler';
import scheduling from './service';

const campaign = `/campaigns/${DOCUMENT_ID}`;

/**
 * Scheduled sends: the schedule and unschedule actions, one delayed job per scheduled campaign on
 * the `schedule` queue (scheduler.ts), and the reconcile that keeps the queue true to the database
 * every minute, once across all instances (a maintenance job scheduler, not a per-instance cron).
 * A send that does not go out at once follows a plan (send-plans.ts), made when it starts and kept
 * by the dispatch with its cursor. The scheduling maths (local-time.ts, send-window.ts,
 * send-plan.ts, wave-plan.ts) are pure.
 */
export default defineFeature({
  services: { scheduling },
  controllers: { scheduling: schedulingController },
  adminRoutes: [
    { method: 'GET', path: '/campaigns/calendar', handler: 'scheduling.calendar', config: guard(ACTIONS.read) },
    { method: 'POST', path: `${campaign}/schedule/preview`, handler: 'scheduling.preview', config: guard(ACTIONS.read) },
    { method: 'POST', path: `${campaign}/schedule`, handler: 'scheduling.schedule', config: guard(ACTIONS.send) },
    { method: 'POST', path: `${campaign}/unschedule`, handler: 'scheduling.unschedule', config: guard(ACTIONS.send) },
  ],
  contentApiRoutes: [],
  queues: [
    {
      key: 'schedule',
      name: 'campaigns-schedule',
      worker: {
        processor:
          ({ scheduler }) =>
          (job: ScheduleJob) =>
            scheduler.fire(job.data),
        concurrency: 4,
      },
    },
  ],
  maintenanceJobs: [
    {
      name: 'reconcileSchedules',
      scheduler: 'reconcile-schedules',
      everyMs: 60_000,
      run: ({ scheduler }): Promise<unknown> => scheduler.reconcile(),
    },
  ],
  migrations: [],
  actions: [],
});
