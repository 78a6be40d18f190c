import type { RecordedEvent } from '../events/delivery-event';

/** Job names and payloads per queue. Later flows add their queues' types beside these. */
export interface MaintenanceJobs {
  ping: { requestedBy: string };
  /** Requeues imports that lost their job and deletes expired import reports. */
  tidyImports: Record<string, never>;
  /** Re-adds send work a crash lost and finishes campaigns nobody finished (see the send engine's sweep). */
  tidySends: Record<string, never>;
}

export interface PingResult {
  pid: number;
  hostname: string;
  workerProcess: boolean;
}

export interface ImportJobs {
  /** Runs or resumes the import with this id (a row of campaigns_imports). */
  run: { importId: number };
}

export interface DispatchJobs {
  /** Pages the campaign's frozen audience from its cursor, creating deliveries and send jobs. */
  dispatch: { campaignId: number };
}

export interface SendJobs {
  /** Sends these deliveries of one campaign (a dispatch page's batch, or one delivery's retry). */
  batch: { campaignId: number; deliveryIds: number[] };
}

export interface EventJobs {
  /** One recorded delivery event, ids only, for the reactors (events/reactors.ts). */
  event: RecordedEvent;
}
