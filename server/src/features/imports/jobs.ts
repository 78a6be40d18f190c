/** Jobs of the import queue. */
export interface ImportJobs {
  /** Runs or resumes the import with this id (a row of campaigns_imports). */
  run: { importId: number };
}
