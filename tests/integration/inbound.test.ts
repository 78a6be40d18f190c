import { integrationGroup } from '../helpers/integration-group';
import { INBOUND_RATE_GUARD, inboundEnv } from '../helpers/inbound';

// Notices change deliveries, events, suppressions and contacts with SQL per dialect: all three databases.
integrationGroup('inbound', { smtpSink: true, env: (sink) => inboundEnv(sink!.port, { rateGuard: INBOUND_RATE_GUARD }) }, [
  'inbound/pipeline',
  'inbound/soft-bounces',
  'inbound/mail-intake',
  'inbound/webhooks',
  'inbound/raw-mail',
  'inbound/rate-guard',
  'inbound/notices-admin-api',
  'inbound/replies-admin-api',
]);
