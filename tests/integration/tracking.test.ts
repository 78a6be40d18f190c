import { integrationGroup } from '../helpers/integration-group';
import { sendingEnv } from '../helpers/sending';

// Opens, clicks, web views and unsubscribes write events and delivery times, and the event and
// contact signal write paths are SQL per dialect: all three databases.
// Every request comes from 127.0.0.1 and the limits' windows outlive a module: the per-IP limits
// are raised out of the way (public-rate-limits.test.ts tests them); the per-token ones stay.
const limits = JSON.stringify({ perIp: 100_000, invalidPerIp: 100_000 });

integrationGroup('tracking', { smtpSink: true, env: (sink) => sendingEnv(sink!.port, { CAMPAIGNS_PUBLIC_LIMITS: limits }) }, [
  'tracking/tracking',
  'tracking/sent-audience-and-click-links',
  'tracking/delivery-events',
  'tracking/bad-inputs',
  'tracking/shutdown',
]);
