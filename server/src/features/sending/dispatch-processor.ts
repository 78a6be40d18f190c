import type { Job } from 'bullmq';
import { getService } from '../../services/get-service';
import type { QueueDependencies, QueueProcessor } from '../feature';
import type { DispatchJobs } from './jobs';

export const dispatchProcessor = ({ strapi }: QueueDependencies): QueueProcessor => async (job: Job<DispatchJobs['dispatch'], unknown, 'dispatch'>): Promise<unknown> =>
  getService(strapi, 'sending').engine().dispatch(job.data.campaignId);
