import { adminBrowserGroup } from '../helpers/admin-browser-group';
import { TEST_POSTAL_ADDRESS } from '../helpers/sending';

// The email editor's parts (code mode, builder, templates, the site's entries and media, the A/B test panel), each
// module with a page of its own on one admin, beside the admin-pages group so both run at once.
adminBrowserGroup('email editor', { CAMPAIGNS_POSTAL_ADDRESS: TEST_POSTAL_ADDRESS }, [
  'email-editor/entries-and-media',
  'email-editor/code-mode',
  'email-editor/templates',
  'email-editor/visual-builder',
  'email-editor/ab-test',
  'email-editor/bandit-setup',
  'email-editor/ab-test-views',
]);
