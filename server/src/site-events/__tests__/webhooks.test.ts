import { SITE_EVENT_NAMES } from '../catalogue';
import { registerWebhookEvents } from '../webhooks';

describe('the webhook events', () => {
  it('every catalogue event is allowed, under a key of its own', () => {
    const allowed = new Map<string, string>();
    registerWebhookEvents({ addAllowedEvent: (key, value) => void allowed.set(key, value) });
    expect([...allowed.values()].sort()).toEqual([...SITE_EVENT_NAMES].sort());
    expect(allowed.size).toBe(SITE_EVENT_NAMES.length);
    expect(allowed.get('CAMPAIGNS_TOPICS_CHANGE')).toBe('campaigns.topics.change');
    for (const name of SITE_EVENT_NAMES) expect(name).toMatch(/^campaigns\.[a-z.]+$/);
  });
});
