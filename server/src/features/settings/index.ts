import { ACTIONS } from '../../constants';
import { guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import settings from './controller';

/** The effective configuration and the health of the queues, and the editor's site settings (theme, fonts, privacy), for the settings page. */
export default defineFeature({
  services: {},
  controllers: { settings },
  adminRoutes: [
    { method: 'GET', path: '/settings', handler: 'settings.find', config: guard(ACTIONS.manageSettings) },
    { method: 'GET', path: '/settings/site', handler: 'settings.findSite', config: guard(ACTIONS.manageSettings) },
    { method: 'PUT', path: '/settings/site', handler: 'settings.updateSite', config: guard(ACTIONS.manageSettings) },
  ],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [],
  migrations: [],
  actions: [{ uid: 'settings.manage', subCategory: 'settings', displayName: 'Manage settings' }],
});
