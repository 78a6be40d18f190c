import { ACTIONS } from '../../constants';
import { guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import contentBlocksController from './controller';
import { frozenEntries } from './migrations/013-frozen-entries';
import contentBlocks from './service';

/**
 * Entries of the site's collection types as blocks of a campaign (`<mj-strapi-entries>`): parsed
 * and checked without Strapi (tag.ts), resolved through the document service (resolver.ts),
 * rendered to MJML with every value escaped and inert for Liquid (render.ts, rich-text.ts,
 * escape.ts), frozen when a send starts (entries-blocks.ts). The send flow calls it through the
 * composition root; these routes serve the editor's block picker.
 */
export default defineFeature({
  services: { contentBlocks },
  controllers: { contentBlocks: contentBlocksController },
  adminRoutes: [
    { method: 'GET', path: '/content-blocks/types', handler: 'contentBlocks.types', config: guard(ACTIONS.write) },
    { method: 'GET', path: '/content-blocks/entries', handler: 'contentBlocks.entries', config: guard(ACTIONS.write) },
  ],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [],
  migrations: [frozenEntries],
  actions: [],
});
