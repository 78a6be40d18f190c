import type { Job } from 'bullmq';
import type { DispatchJobs } from './jobs';

export const dispatchProcessor =
  (engine: { dispatch(campaignId: number): Promise<void> }) => async (job: Job<DispatchJobs['dispatch'], unknown, 'dispatch'>) =>
    engine.dispatch(job.data.campaignId);
