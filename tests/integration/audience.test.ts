import { integrationGroup } from '../helpers/integration-group';

// Contacts, topics and segments: the SQL they run differs per database (JSON paths, collations,
// keyset paging, bulk updates), so this group runs on all three (jest.config.js).
integrationGroup('audience', {}, [
  'audience/segments',
  'audience/segments-advanced',
  'audience/contacts-api',
  'audience/contacts-admin-api',
  'audience/contacts-bulk-api',
  'audience/deep-json',
  'audience/contact-erasure',
  'audience/contact-data',
  'audience/event-retention',
]);
