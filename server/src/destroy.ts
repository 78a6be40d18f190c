import type { Core } from '@strapi/strapi';
import { findRoot } from './composition/accessor';

/**
 * Closes what register and bootstrap opened, in the reverse order (see composition/root), so a
 * process (or a jest run) can exit without being forced. It must not throw after a boot that
 * failed half-way: Strapi closes the database only after every plugin's destroy has returned.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await findRoot(strapi)?.close();
};
