import type { Core } from '@strapi/strapi';
import { getService } from './services/get-service';

/** Closes what bootstrap opened, so a process (or a jest run) can exit without being forced. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'queues').stop();
};
