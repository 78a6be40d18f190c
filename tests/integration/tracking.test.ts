import { integrationGroup } from '../helpers/integration-group';
import { pagesEnv } from '../helpers/pages';
import { sendingEnv } from '../helpers/sending';

// Opens, clicks, web views and unsubscribes write events and delivery times, and the event and
// contact signal write paths are SQL per dialect: all three databases. The public pages get a
// language of the site's (Italian): only a page asked for in Italian shows it.
integrationGroup('tracking', { smtpSink: true, env: (sink) => sendingEnv(sink!.port, pagesEnv()) }, [
  'tracking/tracking',
  'tracking/sent-audience-and-click-links',
  'tracking/delivery-events',
  'tracking/public-pages',
]);
