/**
 * The public endpoints at /api/campaigns/t/...: the links every message carries (tracking/urls.ts).
 * Recipients have no account, so `auth: false`; what protects each route instead is its signed,
 * purpose-bound token, which the tracking service verifies (constant time) before it reads any row,
 * answering a bad one exactly like an unknown one. GETs record opens and clicks but change no
 * state: only the POST unsubscribes.
 */
const PUBLIC = { auth: false as const };

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/t/c/:token', handler: 'tracking.click', config: PUBLIC },
    { method: 'GET', path: '/t/o/:token', handler: 'tracking.open', config: PUBLIC },
    { method: 'GET', path: '/t/v/:token', handler: 'tracking.view', config: PUBLIC },
    { method: 'GET', path: '/t/u/:token', handler: 'tracking.unsubscribePage', config: PUBLIC },
    { method: 'POST', path: '/t/u/:token', handler: 'tracking.unsubscribe', config: PUBLIC },
    { method: 'GET', path: '/t/p/:token', handler: 'tracking.preferencesPage', config: PUBLIC },
  ],
};
