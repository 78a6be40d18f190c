import { domainReportOf } from '../domain-report';
import { domainDeltasOf, domainOf } from '../domains';

const at = Date.UTC(2026, 11, 6, 9);

test("a recipient's domain is what follows the address's last @; an erased address has none", () => {
  expect(domainOf('ann@gmail.com')).toBe('gmail.com');
  expect(domainOf('"a@b"@example.org')).toBe('example.org');
  expect(domainOf('')).toBe('');
});

test("a domain counts its deliveries' bounces, complaints and unsubscribes, and its readers' first opens and clicks, once per counter", () => {
  const deltas = domainDeltasOf(
    [
      { campaignId: 2, domain: 'yahoo.com', facts: { type: 'bounce', isBot: false, at, kind: 'hard' } },
      { campaignId: 2, domain: 'gmail.com', facts: { type: 'bounce', isBot: false, at, kind: 'soft-limit' } },
      { campaignId: 2, domain: 'gmail.com', facts: { type: 'complaint', isBot: false, at, reason: 'abuse' } },
      { campaignId: 2, domain: 'gmail.com', facts: { type: 'unsubscribe', isBot: false, at } },
      { campaignId: 2, domain: 'gmail.com', facts: { type: 'unsubscribe', isBot: false, at } },
      // Opens and clicks count by their firsts; replies and machines not at all.
      { campaignId: 2, domain: 'gmail.com', facts: { type: 'open', isBot: false, at } },
      { campaignId: 2, domain: 'gmail.com', facts: { type: 'reply', isBot: false, at } },
      { campaignId: 1, domain: 'zz.org', facts: { type: 'bounce', isBot: false, at, kind: 'hard' } },
    ],
    [
      { campaignId: 2, domain: 'gmail.com', column: 'first_open_at' },
      { campaignId: 2, domain: 'gmail.com', column: 'first_click_at' },
      { campaignId: 2, domain: 'gmail.com', column: 'first_machine_open_at' },
      { campaignId: 2, domain: 'gmail.com', column: 'first_reply_at' },
    ]
  );
  expect(deltas).toEqual([
    { campaignId: 1, domain: 'zz.org', metric: 'bounce_hard', value: 1 },
    { campaignId: 2, domain: 'gmail.com', metric: 'bounce_soft', value: 1 },
    { campaignId: 2, domain: 'gmail.com', metric: 'complaint', value: 1 },
    { campaignId: 2, domain: 'gmail.com', metric: 'unique_click_human', value: 1 },
    { campaignId: 2, domain: 'gmail.com', metric: 'unique_open_human', value: 1 },
    { campaignId: 2, domain: 'gmail.com', metric: 'unsubscribe', value: 2 },
    { campaignId: 2, domain: 'yahoo.com', metric: 'bounce_hard', value: 1 },
  ]);
});

const rows = [
  { domain: 'gmail.com', metric: 'sent', value: 50 },
  { domain: 'gmail.com', metric: 'unique_open_human', value: 20 },
  { domain: 'gmail.com', metric: 'unique_click_human', value: 5 },
  { domain: 'gmail.com', metric: 'complaint', value: 1 },
  { domain: 'outlook.com', metric: 'sent', value: 30 },
  { domain: 'outlook.com', metric: 'bounce_hard', value: 3 },
];
const campaign = new Map([
  ['sent', 100],
  ['unique_open_human', 30],
  ['unique_click_human', 5],
  ['bounce_hard', 4],
  ['bounce_soft', 2],
  ['complaint', 1],
  ['unsubscribe', 3],
]);

test('once counted, each listed domain has its own figures and rates over what it was sent, and the rest is the campaign less them', () => {
  const report = domainReportOf('doc', { counted: true, total: 5, ranked: ['gmail.com', 'outlook.com'], rows, campaign });
  expect(report.domains).toEqual([
    {
      domain: 'gmail.com',
      sent: 50,
      uniqueOpens: 20,
      uniqueClicks: 5,
      hardBounces: 0,
      softBounces: 0,
      complaints: 1,
      unsubscribes: 0,
      rates: { open: 0.4, click: 0.1, bounce: 0, complaint: 0.02 },
    },
    {
      domain: 'outlook.com',
      sent: 30,
      uniqueOpens: 0,
      uniqueClicks: 0,
      hardBounces: 3,
      softBounces: 0,
      complaints: 0,
      unsubscribes: 0,
      rates: { open: 0, click: 0, bounce: 0.1, complaint: 0 },
    },
  ]);
  expect(report.others).toEqual({
    domains: 3,
    sent: 20,
    uniqueOpens: 10,
    uniqueClicks: 0,
    hardBounces: 1,
    softBounces: 2,
    complaints: 0,
    unsubscribes: 3,
    rates: { open: 0.5, click: 0, bounce: 0.15, complaint: 0 },
  });
});

test('while the campaign sends, nothing is sent per domain yet: no rates; with every domain listed there is no rest', () => {
  const report = domainReportOf('doc', { counted: false, total: 2, ranked: ['gmail.com', 'outlook.com'], rows, campaign });
  expect(report).toMatchObject({ counted: false, total: 2, others: null });
  expect(report.domains[0]).toMatchObject({
    sent: null,
    uniqueOpens: 20,
    rates: { open: null, click: null, bounce: null, complaint: null },
  });
});
