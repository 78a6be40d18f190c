import { rowOf, type DeliveryEvent } from '../../../events/delivery-event';
import { factsOfEvent, factsOfRow } from '../event-facts';
import { deltasOf, isHourly, metricsOf, totalsOf, HOUR_MS } from '../metrics';

const delivery = { id: 7, campaignId: 3, contactId: 70 };
const at = Date.UTC(2026, 11, 5, 10, 15);
const events: DeliveryEvent[] = [
  { type: 'open', source: 'tracking', delivery, at, isBot: false, client: 'browser', mailClient: 'Outlook', device: 'desktop' },
  { type: 'open', source: 'tracking', delivery, at, isBot: true, client: 'apple-privacy', verdict: 'user-agent' },
  { type: 'click', source: 'tracking', delivery, at, isBot: false, client: 'browser', linkId: 12 },
  { type: 'click', source: 'tracking', delivery, at, isBot: true, client: 'bot', linkId: 12, verdict: 'user-agent' },
  {
    type: 'bounce',
    source: 'mailbox',
    delivery,
    at,
    reference: 'r1',
    kind: 'hard',
    code: 550,
    message: '550 5.1.1',
    bounceType: 'hard',
    reason: 'userunknown',
  },
  { type: 'bounce', source: 'smtp', delivery, at, reference: 'r2', kind: 'soft-limit', code: 451, message: '451 later' },
  { type: 'complaint', source: 'webhook', delivery, at, reference: 'c1' },
  { type: 'complaint', source: 'mailbox', delivery, at, reference: 'c2', feedbackType: 'Abuse' },
  { type: 'unsubscribe', source: 'tracking', delivery, at },
  { type: 'reply', source: 'mailbox', delivery, at, messageId: '<m@x>' },
];

test('each event adds to its own counters: people and machines apart, links for people only, bounces by kind and reason, complaints by type', () => {
  expect(events.map((event) => metricsOf(factsOfEvent(event)))).toEqual([
    ['open_human'],
    ['open_machine'],
    ['click_human', 'link:12'],
    ['click_machine'],
    ['bounce_hard', 'bounce:userunknown'],
    ['bounce_soft', 'bounce:soft-limit'],
    ['complaint', 'complaint:unspecified'],
    ['complaint', 'complaint:abuse'],
    ['unsubscribe'],
    ['reply'],
  ]);
});

test('a stored row gives the facts its event gave: the rebuild counts what the live path counted', () => {
  for (const event of events) expect(factsOfRow(rowOf(event, at + 5))).toEqual(factsOfEvent(event));
});

test("a batch sums per counter and hour, firsts count as uniques, a reader's first open counts its client and device, in a stable order", () => {
  const later = at + 2 * HOUR_MS;
  const counted = [
    { campaignId: 3, variant: 'b', facts: factsOfEvent(events[0]) },
    { campaignId: 3, variant: 'a', facts: factsOfEvent(events[0]) },
    { campaignId: 3, variant: 'a', facts: { ...factsOfEvent(events[0]), at: later } },
    { campaignId: 3, variant: 'a', facts: factsOfEvent(events[0]) },
  ];
  const deltas = deltasOf(counted, [
    { campaignId: 3, variant: 'a', column: 'first_open_at', at, agent: { mailClient: 'Outlook', device: 'desktop' } },
  ]);
  const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
  expect(deltas).toEqual([
    { campaignId: 3, variant: 'a', metric: 'client:Outlook', hour, value: 1 },
    { campaignId: 3, variant: 'a', metric: 'device:desktop', hour, value: 1 },
    { campaignId: 3, variant: 'a', metric: 'open_human', hour, value: 2 },
    { campaignId: 3, variant: 'a', metric: 'open_human', hour: hour + 2 * HOUR_MS, value: 1 },
    { campaignId: 3, variant: 'a', metric: 'unique_open_human', hour, value: 1 },
    { campaignId: 3, variant: 'b', metric: 'open_human', hour, value: 1 },
  ]);
  expect(totalsOf(deltas)).toEqual([
    { campaignId: 3, variant: 'a', metric: 'client:Outlook', value: 1 },
    { campaignId: 3, variant: 'a', metric: 'device:desktop', value: 1 },
    { campaignId: 3, variant: 'a', metric: 'open_human', value: 3 },
    { campaignId: 3, variant: 'a', metric: 'unique_open_human', value: 1 },
    { campaignId: 3, variant: 'b', metric: 'open_human', value: 1 },
  ]);
});

test("a reader's first click on a link adds one to the link's unique clickers, in the hour of that click", () => {
  const at = Date.UTC(2026, 11, 6, 10, 30);
  const deltas = deltasOf(
    [],
    [],
    [
      { campaignId: 3, variant: '', linkId: 7, at },
      { campaignId: 3, variant: '', linkId: 7, at: at + 1000 },
      { campaignId: 3, variant: '', linkId: 8, at },
    ]
  );
  expect(totalsOf(deltas)).toEqual([
    { campaignId: 3, variant: '', metric: 'link_unique:7', value: 2 },
    { campaignId: 3, variant: '', metric: 'link_unique:8', value: 1 },
  ]);
  expect(deltas.every((delta) => delta.hour === Date.UTC(2026, 11, 6, 10))).toBe(true);
});

test('a first open whose client said nothing counts as an unknown client and device; other firsts count no client', () => {
  const metrics = totalsOf(
    deltasOf(
      [],
      [
        { campaignId: 3, variant: '', column: 'first_open_at', at },
        { campaignId: 3, variant: '', column: 'first_click_at', at },
        { campaignId: 3, variant: '', column: 'first_machine_open_at', at },
      ]
    )
  ).map((total) => total.metric);
  expect(metrics).toEqual(['client:unknown', 'device:unknown', 'unique_click_human', 'unique_open_human', 'unique_open_machine']);
});

test("people's unique counters are kept per hour for a test's variants only; the series' counters for every campaign", () => {
  expect(isHourly({ metric: 'open_human', variant: '' })).toBe(true);
  expect(isHourly({ metric: 'click_machine', variant: 'B' })).toBe(true);
  expect(isHourly({ metric: 'unique_click_human', variant: 'B' })).toBe(true);
  expect(isHourly({ metric: 'unique_reply', variant: 'A' })).toBe(true);
  expect(isHourly({ metric: 'unique_click_human', variant: '' })).toBe(false);
  expect(isHourly({ metric: 'unsubscribe', variant: 'B' })).toBe(false);
  expect(isHourly({ metric: 'client:Outlook', variant: '' })).toBe(false);
});
