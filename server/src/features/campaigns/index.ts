import { ACTIONS } from '../../constants';
import { crudRoutes, DOCUMENT_ID, guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import campaignsController from './controller';
import campaigns from './service';

/** Campaign documents: their CRUD and copy, and the read/write/delete actions the whole plugin's admin is guarded by. */
export default defineFeature({
  services: { campaigns },
  controllers: { campaigns: campaignsController },
  adminRoutes: [
    ...crudRoutes('campaigns', 'campaigns', ACTIONS),
    { method: 'POST', path: `/campaigns/${DOCUMENT_ID}/duplicate`, handler: 'campaigns.duplicate', config: guard(ACTIONS.write) },
  ],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [],
  migrations: [],
  actions: [
    { uid: 'read', subCategory: 'campaigns', displayName: 'Read campaigns, audience and results' },
    { uid: 'write', subCategory: 'campaigns', displayName: 'Create and edit campaigns, contacts and segments' },
    { uid: 'delete', subCategory: 'campaigns', displayName: 'Delete campaigns, contacts and segments' },
  ],
});
