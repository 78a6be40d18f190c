import { ACTIONS } from '../../constants';
import { resourceController } from '../../controllers/resource';
import { crudRoutes } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import campaigns from './service';

/** Campaign documents: their CRUD, and the read/write/delete actions the whole plugin's admin is guarded by. */
export default defineFeature({
  services: { campaigns },
  controllers: { campaigns: resourceController('campaigns') },
  adminRoutes: crudRoutes('campaigns', 'campaigns', ACTIONS),
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
