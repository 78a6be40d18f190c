import { integrationGroup } from '../helpers/integration-group';

// The admin API's validation, permissions and settings: the same on every database (SQLite only).
integrationGroup('admin API', {}, [
  'admin-api/smoke',
  'admin-api/campaigns-api',
  'admin-api/campaign-duplicate',
  'admin-api/templates',
  'admin-api/topics-api',
  'admin-api/inbound-closed',
  'admin-api/site-settings',
]);
