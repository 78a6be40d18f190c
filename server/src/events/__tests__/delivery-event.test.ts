import { firstColumnOf, keyOf, rowOf, type DeliveryEvent } from '../delivery-event';

const delivery = { id: 7, campaignId: 3, contactId: 11 };
const at = Date.UTC(2026, 11, 4, 12, 30, 15);
const minute = Math.floor(at / 60_000);

const open = (over: Partial<Extract<DeliveryEvent, { type: 'open' }>> = {}): DeliveryEvent => ({
  type: 'open',
  source: 'tracking',
  delivery,
  at,
  isBot: false,
  client: 'browser',
  ...over,
});

test.each<[string, DeliveryEvent, string]>([
  ['sent', { type: 'sent', source: 'smtp', delivery, at }, 'sent:7'],
  ['failed', { type: 'failed', source: 'smtp', delivery, at, error: '554 no' }, 'failed:7'],
  ['a human open', open(), `open:7:${minute}:human`],
  ['a machine open', open({ isBot: true, client: 'apple-privacy' }), `open:7:${minute}:machine`],
  ['a click', { type: 'click', source: 'tracking', delivery, at, isBot: false, client: 'browser', linkId: 5 }, `click:7:5:${minute}:human`],
  ['an unsubscribe', { type: 'unsubscribe', source: 'tracking', delivery, at }, 'unsubscribe:7'],
  ['a resubscribe', { type: 'resubscribe', source: 'tracking', delivery, at }, `resubscribe:7:${minute}`],
  [
    'an SMTP bounce',
    { type: 'bounce', source: 'smtp', delivery, at, reference: '7:2', kind: 'hard', code: 550, message: 'no' },
    'smtp-bounce:7:2',
  ],
  [
    'a webhook bounce',
    { type: 'bounce', source: 'webhook', delivery, at, reference: 'ses:abc', kind: 'hard', code: null, message: 'no' },
    'bounce:webhook:ses:abc:7',
  ],
  ['a complaint', { type: 'complaint', source: 'mailbox', delivery, at, reference: '<arf@isp>' }, 'complaint:7'],
  ['a reply', { type: 'reply', source: 'mailbox', delivery, at, messageId: '<r1@x>' }, 'reply:<r1@x>'],
  ['a delivery notice', { type: 'delivered', source: 'webhook', delivery, at, reference: 'x' }, 'delivered:7'],
])('%s has the key %s', (_name, event, key) => {
  expect(keyOf(event)).toBe(key);
});

test('opens within one minute share a key; the next minute is a new event', () => {
  expect(keyOf(open({ at: at + 10_000 }))).toBe(keyOf(open()));
  expect(keyOf(open({ at: at + 60_000 }))).not.toBe(keyOf(open()));
});

test('the row keeps the ids, the bot flag and what the activity shows', () => {
  const row = rowOf({ type: 'click', source: 'tracking', delivery, at, isBot: true, client: 'bot', linkId: 5 }, at + 1);
  expect(row).toEqual({
    idempotency_key: `click:7:5:${minute}:machine`,
    type: 'click',
    delivery_id: 7,
    campaign_id: 3,
    contact_id: 11,
    source: 'tracking',
    is_bot: true,
    data: JSON.stringify({ linkId: 5, client: 'bot' }),
    occurred_at: at,
    created_at: at + 1,
  });
  expect(rowOf({ type: 'unsubscribe', source: 'tracking', delivery, at }, at)).toMatchObject({ is_bot: false, data: null });
});

test("a reader's click keeps its link first, then its client, verdict, mail client, device, user agent and IP, only those it has", () => {
  const click = { type: 'click', source: 'tracking', delivery, at, isBot: false, client: 'browser', linkId: 5 } as const;
  const details = { verdict: 'human', mailClient: 'Thunderbird', device: 'desktop', userAgent: 'Thunderbird/128', ip: '203.0.113.5' };
  expect(rowOf({ ...click, ...details }, at).data).toBe(
    '{"linkId":5,"client":"browser","verdict":"human","mailClient":"Thunderbird","device":"desktop","userAgent":"Thunderbird/128","ip":"203.0.113.5"}'
  );
  expect(rowOf({ type: 'open', source: 'tracking', delivery, at, isBot: false, client: 'browser', device: 'mobile' }, at).data).toBe(
    '{"client":"browser","device":"mobile"}'
  );
});

test("human opens and clicks, and replies, mark the delivery's engagement; a machine's its own columns", () => {
  expect(firstColumnOf(open())).toBe('first_open_at');
  expect(firstColumnOf(open({ isBot: true }))).toBe('first_machine_open_at');
  expect(firstColumnOf({ type: 'reply', source: 'mailbox', delivery, at, messageId: 'm' })).toBe('first_reply_at');
  expect(firstColumnOf({ type: 'unsubscribe', source: 'tracking', delivery, at })).toBeNull();
});
