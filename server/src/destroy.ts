import type { Core } from '@strapi/strapi';
import type { AudienceSourcesService } from './features/audience/sources/service';
import type { QueuesService } from './queue/service';
import type { SendingService } from './features/sending/service';

/**
 * Closes what bootstrap opened, so a process (or a jest run) can exit without being forced. It
 * must not throw after a boot that failed half-way: Strapi closes the database only after every
 * plugin's destroy has returned.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Contact writes still under way need the database, which Strapi closes after this returns.
  const audienceSources = strapi.plugin('campaigns')?.service('audienceSources') as AudienceSourcesService | undefined;
  await audienceSources?.stop();
  const queues = strapi.plugin('campaigns')?.service('queues') as QueuesService | undefined;
  await queues?.stop();
  // After the workers: a job finishing its last message still needs the transport.
  const sending = strapi.plugin('campaigns')?.service('sending') as SendingService | undefined;
  await sending?.stop();
};
