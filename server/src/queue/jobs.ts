/** The maintenance queue's own job; features add theirs as maintenance jobs (features/feature.ts). */
export interface PingJob {
  requestedBy: string;
}

export interface PingResult {
  pid: number;
  hostname: string;
  workerProcess: boolean;
}
