import { adminBrowserGroup } from '../helpers/admin-browser-group';
import { WIZARD_IMPORT_MAX_FILE_BYTES } from '../helpers/imports';
import { TEST_POSTAL_ADDRESS } from '../helpers/sending';

// The plugin's pages, each module with a page of its own on one admin: the import wizard's file
// size limit is small, and the postal address is not the playground's sample.
adminBrowserGroup(
  'admin pages',
  { CAMPAIGNS_POSTAL_ADDRESS: TEST_POSTAL_ADDRESS, CAMPAIGNS_IMPORT_MAX_FILE_BYTES: String(WIZARD_IMPORT_MAX_FILE_BYTES) },
  [
    'admin-pages/topics-page',
    'admin-pages/contacts-page',
    'admin-pages/contact-privacy',
    'admin-pages/segment-builder',
    'admin-pages/import-wizard',
    'admin-pages/settings-warnings',
    'admin-pages/inbound-page',
    'admin-pages/replies-page',
    'admin-pages/dashboard-page',
    'admin-pages/suppressions-page',
    'admin-pages/admin-defects',
  ]
);
