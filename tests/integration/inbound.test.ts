import { integrationGroup } from '../helpers/integration-group';
import { inboundEnv } from '../helpers/inbound';

// Notices change deliveries, events, suppressions and contacts with SQL per dialect: all three databases.
integrationGroup('inbound', { smtpSink: true, env: (sink) => inboundEnv(sink!.port) }, [
  'inbound/pipeline',
  'inbound/mail-intake',
  'inbound/webhooks',
  'inbound/raw-mail',
]);
