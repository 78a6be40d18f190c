import { integrationGroup } from '../helpers/integration-group';
import { sendingEnv } from '../helpers/sending';

// Opens, clicks, web views, unsubscribes and the preference center write events and delivery times, and the event and
// contact signal write paths are SQL per dialect: all three databases.
integrationGroup('tracking', { smtpSink: true, env: (sink) => sendingEnv(sink!.port) }, [
  'tracking/tracking',
  'tracking/sent-audience-and-click-links',
  'tracking/delivery-events',
  'tracking/preference-center',
  'tracking/unsubscribe-undo',
  'tracking/preference-attacks',
]);
