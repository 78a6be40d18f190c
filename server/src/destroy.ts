import type { Core } from '@strapi/strapi';
import type { Services } from './services/get-service';

/** The service, or nothing when a boot that failed half-way never registered the plugin. */
const serviceIfLoaded = <K extends keyof Services>(strapi: Core.Strapi, name: K) =>
  strapi.plugin('campaigns')?.service(name) as Services[K] | undefined;

/**
 * Closes what bootstrap opened, so a process (or a jest run) can exit without being forced. It
 * must not throw after a boot that failed half-way: Strapi closes the database only after every
 * plugin's destroy has returned.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Contact writes still under way need the database, which Strapi closes after this returns.
  await serviceIfLoaded(strapi, 'audienceSources')?.stop();
  await serviceIfLoaded(strapi, 'queues')?.stop();
  // After the workers: a job finishing its last message still needs the transport.
  await serviceIfLoaded(strapi, 'sending')?.stop();
};
