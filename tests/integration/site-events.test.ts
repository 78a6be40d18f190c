import { integrationGroup } from '../helpers/integration-group';
import { sendingEnv } from '../helpers/sending';

// The campaigns.* events: the signal path finds the contacts it changed with SQL per dialect
// (RETURNING, or a locking read on MySQL): all three databases.
integrationGroup('site events', { smtpSink: true, env: (sink) => sendingEnv(sink!.port) }, ['site-events/hub', 'site-events/webhooks']);
