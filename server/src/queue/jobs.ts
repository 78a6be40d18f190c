/** Job names and payloads of the maintenance queue. Later flows add their queues' types beside it. */
export interface MaintenanceJobs {
  ping: { requestedBy: string };
}

export interface PingResult {
  pid: number;
  hostname: string;
  workerProcess: boolean;
}
