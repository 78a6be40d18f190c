import { ACTIONS } from '../../constants';
import { DOCUMENT_ID, guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import templatesController from './controller';
import templates from './service';

/**
 * A template in a path: `starter:<key>` or a saved template's documentId (as DOCUMENT_ID). A
 * starter's key is lower-case words joined by hyphens, so no static segment is taken for one.
 */
const TEMPLATE_REF = ':ref(starter:[a-z]+(?:-[a-z]+)*|[a-z0-9]{24,32})';

/**
 * Email templates (issue 17, item 4): starters shipped in code (starters/), templates editors save
 * from a campaign (`plugin::campaigns.template`), and their rendering for the gallery's thumbnails.
 * Guarded by the campaigns' own read, write and delete actions.
 */
export default defineFeature({
  services: { templates },
  controllers: { templates: templatesController },
  adminRoutes: [
    { method: 'GET', path: '/templates', handler: 'templates.find', config: guard(ACTIONS.read) },
    { method: 'POST', path: '/templates', handler: 'templates.create', config: guard(ACTIONS.write) },
    { method: 'GET', path: `/templates/${TEMPLATE_REF}`, handler: 'templates.findOne', config: guard(ACTIONS.read) },
    { method: 'GET', path: `/templates/${TEMPLATE_REF}/render`, handler: 'templates.render', config: guard(ACTIONS.read) },
    { method: 'PUT', path: `/templates/${DOCUMENT_ID}`, handler: 'templates.update', config: guard(ACTIONS.write) },
    { method: 'DELETE', path: `/templates/${DOCUMENT_ID}`, handler: 'templates.delete', config: guard(ACTIONS.delete) },
  ],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [],
  migrations: [],
  actions: [],
});
