import { eventsOfHits, type HitFacts, type TrackedHit } from '../hits';

const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const sentAt = 1_700_000_000_000;
const at = sentAt + 3_600_000;
const client = { userAgent: SAFARI, ip: '203.0.113.5' };

const facts = (over: Partial<HitFacts> = {}): HitFacts => ({
  deliveries: new Map([
    [1, { id: 1, campaignId: 7, contactId: 101, email: 'a@x.test', sentAt }],
    [2, { id: 2, campaignId: 7, contactId: 102, email: 'b@x.test', sentAt }],
  ]),
  firstOpens: new Map(),
  clicks: new Map(),
  links: new Map([
    [10, { url: 'https://x.test/1', campaignId: 7 }],
    [11, { url: 'https://x.test/2', campaignId: 7 }],
    [90, { url: 'https://other.test/', campaignId: 8 }],
  ]),
  linkCounts: new Map([
    [7, 2],
    [8, 1],
  ]),
  storeClientDetails: false,
  ...over,
});

const summary = (hits: TrackedHit[], over?: Partial<HitFacts>) =>
  eventsOfHits(hits, facts(over)).map((e) => [e.type, e.delivery.id, 'verdict' in e ? e.verdict : null, 'isBot' in e ? e.isBot : null]);

test('an open earlier in the batch makes a later click of the same message human, whatever order they came in', () => {
  expect(
    summary([
      { type: 'click', deliveryId: 1, linkId: 10, at: at + 1_000, client },
      { type: 'open', deliveryId: 1, at, client },
    ])
  ).toEqual([
    ['open', 1, 'human', false],
    ['click', 1, 'human', false],
  ]);
});

test('a click with no open, stored or in the batch, is a scanner; a stored open counts', () => {
  expect(summary([{ type: 'click', deliveryId: 2, linkId: 10, at, client }])).toEqual([['click', 2, 'before-open', true]]);
  expect(summary([{ type: 'click', deliveryId: 2, linkId: 10, at, client }], { firstOpens: new Map([[2, at - 5]]) })).toEqual([
    ['click', 2, 'human', false],
  ]);
});

test('every link within seconds, counting stored clicks and those of the batch, is a scanner from the click that completes it', () => {
  const opened = { firstOpens: new Map([[1, at - 60_000]]) };
  expect(
    summary(
      [
        { type: 'click', deliveryId: 1, linkId: 10, at, client },
        { type: 'click', deliveryId: 1, linkId: 11, at: at + 2_000, client },
      ],
      opened
    )
  ).toEqual([
    ['click', 1, 'human', false],
    ['click', 1, 'all-links', true],
  ]);
  expect(
    summary([{ type: 'click', deliveryId: 1, linkId: 11, at, client }], {
      ...opened,
      clicks: new Map([[1, [{ linkId: 10, at: at - 1_000 }]]]),
    })
  ).toEqual([['click', 1, 'all-links', true]]);
});

test("a hit whose delivery is gone, or a click on another campaign's link, records nothing; unsubscribes pass through", () => {
  expect(
    summary([
      { type: 'open', deliveryId: 99, at, client },
      { type: 'click', deliveryId: 1, linkId: 90, at, client },
      { type: 'click', deliveryId: 1, linkId: 404, at, client },
      { type: 'unsubscribe', deliveryId: 2, at },
    ])
  ).toEqual([['unsubscribe', 2, null, null]]);
});

test("the user agent and IP are kept only when the site settings say so; the verdict and the reader's client and device always", () => {
  const hit: TrackedHit = { type: 'open', deliveryId: 1, at, client };
  const [without] = eventsOfHits([hit], facts());
  expect(without).toEqual({
    type: 'open',
    source: 'tracking',
    delivery: { id: 1, campaignId: 7, contactId: 101 },
    at,
    client: 'browser',
    isBot: false,
    verdict: 'human',
    mailClient: 'Safari',
    device: 'desktop',
  });
  const [withDetails] = eventsOfHits([hit], facts({ storeClientDetails: true }));
  expect(withDetails).toMatchObject({ userAgent: SAFARI, ip: '203.0.113.5', verdict: 'human' });
});
