import { eventsProcessor } from '../../events/reactors';
import { ACTIONS } from '../../constants';
import { DOCUMENT_ID, guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import sendingController from './controller';
import deliveryEvents from './delivery-events-service';
import { dispatchProcessor } from './dispatch-processor';
import { deliveryTables } from './migrations/001-delivery-tables';
import { sends } from './migrations/005-sends';
import { sendPlans } from './migrations/009-send-plans';
import { sendWinner } from './migrations/016-send-winner';
import { onSendJobFailed, sendProcessor } from './send-processor';
import sending from './service';

const campaign = `/campaigns/${DOCUMENT_ID}`;

/** The send flow: test sends, dispatch, send workers, pause/resume/cancel, progress, the sweep. */
export default defineFeature({
  services: { sending, deliveryEvents },
  controllers: { sending: sendingController },
  adminRoutes: [
    { method: 'GET', path: '/campaigns/senders', handler: 'sending.senders', config: guard(ACTIONS.read) },
    { method: 'GET', path: `${campaign}/progress`, handler: 'sending.progress', config: guard(ACTIONS.read) },
    { method: 'POST', path: `${campaign}/preview`, handler: 'sending.preview', config: guard(ACTIONS.read) },
    { method: 'POST', path: `${campaign}/test`, handler: 'sending.test', config: guard(ACTIONS.send) },
    { method: 'POST', path: `${campaign}/send`, handler: 'sending.send', config: guard(ACTIONS.send) },
    { method: 'POST', path: `${campaign}/pause`, handler: 'sending.pause', config: guard(ACTIONS.send) },
    { method: 'POST', path: `${campaign}/resume`, handler: 'sending.resume', config: guard(ACTIONS.send) },
    { method: 'POST', path: `${campaign}/cancel`, handler: 'sending.cancel', config: guard(ACTIONS.send) },
  ],
  contentApiRoutes: [],
  queues: [
    // A dispatch resumes from its committed cursor, so a stalled one is simply run again.
    {
      key: 'dispatch',
      name: 'campaigns-dispatch',
      worker: { processor: ({ engine }) => dispatchProcessor(engine), concurrency: 2, options: { maxStalledCount: 5 } },
    },
    // Send jobs hold messages in flight: a dead worker's jobs are noticed within 15 s and retried
    // (what they had claimed becomes unknown, the rest is sent); a job that keeps stalling fails.
    {
      key: 'send',
      name: 'campaigns-send',
      worker: {
        processor: ({ engine }) => sendProcessor(engine),
        concurrency: ({ config }) => config.sending.concurrency,
        options: { maxStalledCount: 3, lockDuration: 15_000, stalledInterval: 15_000 },
        onFailed: ({ engine, log }) => onSendJobFailed(engine, log),
      },
    },
    // Each recorded delivery event (events/recorder.ts), to what reacts to it; reactors are short and independent.
    { key: 'events', name: 'campaigns-events', worker: { processor: ({ reactors }) => eventsProcessor(reactors), concurrency: 10 } },
  ],
  maintenanceJobs: [
    // Re-adds send work a crash lost and finishes campaigns nobody finished (the engine's sweep).
    { name: 'tidySends', scheduler: 'tidy-sends', everyMs: 60_000, run: ({ engine }): Promise<unknown> => engine.sweep() },
  ],
  migrations: [deliveryTables, sends, sendPlans, sendWinner],
  actions: [{ uid: 'send', subCategory: 'campaigns', displayName: 'Send, schedule, pause and cancel campaigns' }],
});
