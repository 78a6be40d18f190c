import { integrationGroup } from '../helpers/integration-group';
import { pagesEnv } from '../helpers/pages';
import { sendingEnv } from '../helpers/sending';

// Opens, clicks, web views, unsubscribes and the preference center write events and delivery times, and the event and
// contact signal write paths are SQL per dialect: all three databases.
// The public limits stay on but far apart: the bad-input modules send more forged tokens from one
// client than a real recipient would, and 429s meant for a prober would hide the answers they check
// (the limits themselves are public-rate-limits.test.ts's subject). The public pages get a language
// of the site's (Italian): only a page asked for in Italian shows it.
const LIMITS = JSON.stringify({ invalidPerIp: 1000, perToken: 1000, perIp: 10000 });

integrationGroup(
  'tracking',
  { smtpSink: true, env: (sink) => sendingEnv(sink!.port, { CAMPAIGNS_PUBLIC_LIMITS: LIMITS, ...pagesEnv() }) },
  [
    'tracking/tracking',
    'tracking/sent-audience-and-click-links',
    'tracking/delivery-events',
    'tracking/campaign-report',
    'tracking/delivery-counts',
    'tracking/domains-and-clients',
    'tracking/figure-segments',
    'tracking/dashboard',
    'tracking/preference-center',
    'tracking/unsubscribe-undo',
    'tracking/preference-attacks',
    'tracking/public-pages',
    'tracking/social-icons',
    'tracking/bad-inputs',
    'tracking/shutdown',
  ]
);
