import { integrationGroup } from '../helpers/integration-group';
import { TEST_IMPORT_MAX_FILE_BYTES } from '../helpers/imports';

// Imports and exports write and page contacts in bulk, per database dialect: all three databases.
integrationGroup('imports', { env: () => ({ CAMPAIGNS_IMPORT_MAX_FILE_BYTES: String(TEST_IMPORT_MAX_FILE_BYTES) }) }, [
  'imports/contact-import',
  'imports/contact-export',
  'imports/import-started-by',
]);
