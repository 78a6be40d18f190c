import type { Core } from '@strapi/strapi';
import { rootOf } from '../../server/src/composition/accessor';

/**
 * Writes what the tracking buffer holds now: the public endpoints answer before their events are
 * written (every 200 ms), so a test that reads them after its requests flushes first.
 */
export const flushTracking = (strapi: Core.Strapi) => rootOf(strapi).running.tracking.flush();

/** Sends this process's public limit counts to Redis now (they are synced every 100 ms). */
export const syncPublicLimits = (strapi: Core.Strapi) => rootOf(strapi).running.publicLimits.counter.sync();
