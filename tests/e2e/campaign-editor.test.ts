import { adminBrowserGroup } from '../helpers/admin-browser-group';

// A group of its own, beside email-editor and admin-pages: the playground sends through
// SMTP_HOST:SMTP_PORT to the group's sink, one message a second (slow enough for the pause test to
// catch a send under way), and no postal address is set, so the pre-send check finds an error the
// editor must confirm (the other groups set one).
adminBrowserGroup(
  'campaign editor',
  (sink) => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink!.port), CAMPAIGNS_RATE: '1' }),
  ['campaign-editor/write-send-and-results', 'campaign-editor/schedule-pause-and-cancel', 'campaign-editor/side-by-side-layout'],
  { smtpSink: true }
);
