import type { PluginConfig } from '../config/schema';
import type { ImportWork } from '../features/imports/import-work';
import { dispatchProcessor } from '../features/sending/dispatch-processor';
import { importProcessor } from '../features/imports/processor';
import { maintenanceProcessor } from '../features/settings/maintenance-processor';
import { onSendJobFailed, sendProcessor } from '../features/sending/send-processor';
import type { QueueKey, WorkerEntry } from '../queue/runtime';
import type { SendEngine } from '../features/sending/engine';
import type { Processor } from 'bullmq';

export interface WorkerDeps {
  engine: SendEngine;
  imports: ImportWork;
  sending: Pick<PluginConfig['sending'], 'concurrency'>;
  log: { error(message: string): void };
}

/** Which processor serves which queue, with what it needs handed in (a queue without one has no worker yet). */
export const workerEntries = ({ engine, imports, sending, log }: WorkerDeps): Partial<Record<QueueKey, WorkerEntry>> => ({
  maintenance: {
    processor: maintenanceProcessor({ tidyImports: () => imports.tidy(), tidySends: () => engine.sweep() }) as Processor,
    concurrency: 4,
  },
  // One import at a time per process: each one already keeps the database busy. An import whose
  // worker died resumes where it committed, so its job may be picked up again after a few stalls.
  import: { processor: importProcessor(imports) as Processor, concurrency: 1, options: { maxStalledCount: 5 } },
  // A dispatch resumes from its committed cursor, so a stalled one is simply run again.
  dispatch: { processor: dispatchProcessor(engine) as Processor, concurrency: 2, options: { maxStalledCount: 5 } },
  // Send jobs hold messages in flight: a dead worker's jobs are noticed within 15 s and retried
  // (what they had claimed becomes unknown, the rest is sent); a job that keeps stalling fails.
  send: {
    processor: sendProcessor(engine) as Processor,
    concurrency: sending.concurrency,
    options: { maxStalledCount: 3, lockDuration: 15_000, stalledInterval: 15_000 },
    onFailed: onSendJobFailed(engine, log),
  },
});
