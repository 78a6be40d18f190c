import { TEST_IMPORT_MAX_FILE_BYTES } from '../helpers/imports';
import { integrationGroup } from '../helpers/integration-group';

// Contacts, topics and segments: the SQL they run differs per database (JSON paths, collations,
// keyset paging, bulk updates), so this group runs on all three (jest.config.js). The suppressions
// CSV import meets a small file size limit, as the imports group does; no other module uploads.
integrationGroup('audience', { env: () => ({ CAMPAIGNS_IMPORT_MAX_FILE_BYTES: String(TEST_IMPORT_MAX_FILE_BYTES) }) }, [
  'audience/segments',
  'audience/segments-advanced',
  'audience/contacts-api',
  'audience/contacts-admin-api',
  'audience/contacts-bulk-api',
  'audience/deep-json',
  'audience/contact-erasure',
  'audience/contact-data',
  'audience/event-retention',
  'audience/suppressions-admin-api',
  'audience/suppression-removals',
]);
