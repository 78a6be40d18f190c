import type { Core } from '@strapi/strapi';
import type { Job } from 'bullmq';
import { getService } from '../../services/get-service';
import type { DispatchJobs } from '../../queue/jobs';

export const dispatchProcessor = (strapi: Core.Strapi) => async (job: Job<DispatchJobs['dispatch'], unknown, 'dispatch'>) =>
  getService(strapi, 'sending').engine().dispatch(job.data.campaignId);
