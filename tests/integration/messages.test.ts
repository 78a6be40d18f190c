import { integrationGroup } from '../helpers/integration-group';
import { sendingEnv, TEST_POSTAL_ADDRESS } from '../helpers/sending';

// What a message carries (headers, test sends, the postal address): the same on every database (SQLite only).
integrationGroup('messages', { smtpSink: true, env: (sink) => sendingEnv(sink!.port, { CAMPAIGNS_POSTAL_ADDRESS: TEST_POSTAL_ADDRESS }) }, [
  'messages/campaign-headers',
  'messages/test-sends-and-postal-address',
]);
