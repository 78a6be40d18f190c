'use strict';

/**
 * The inbound pipeline under a flood of ESP webhook events: the built playground booted in this
 * process on a scratch database, three sent campaigns to the same contacts seeded in bulk, then
 * BENCH_EVENTS unique events (delivered, opens, hard and soft bounces, complaints), each also
 * replayed once, applied in shuffled batches through Running.inbound (the one pipeline every
 * webhook adapter hands its notices to), several batches at once as several requests would. Every
 * final count is then checked against what the events must leave.
 *
 *   node bench/inbound/apply.js <sqlite|postgres|mysql>
 *
 * Environment: BENCH_EVENTS (50000 unique, applied twice), BENCH_BATCH (500 notices per call),
 * BENCH_CONCURRENCY (4 calls at once), BENCH_RESULT=<file> writes the figures as JSON.
 * Prints `apply <db>: <N> events/s (<total> events, <seconds> s), counts exact: yes|no`.
 */
const { bootPlaygroundOnRedis } = require('../lib/boot');
const { runMain, writeResult } = require('../lib/run');
const { seedSentCampaigns } = require('../lib/seed');

const client = process.argv[2] || 'sqlite';
const UNIQUE = Number(process.env.BENCH_EVENTS || 50_000);
const BATCH = Number(process.env.BENCH_BATCH || 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 4);
const SECRET = 'bench-inbound-signing-secret-0123456789abcdef';
const ROOT = Symbol.for('strapi-plugin-campaigns.root');
const CAMPAIGNS = 3;
const PROVIDERS = ['ses', 'sendgrid', 'mailgun', 'postmark', 'brevo'];

/**
 * The mix of unique events, as shares of BENCH_EVENTS: half delivery notices, 30% opens, 4% hard
 * bounces, 4% complaints, 12% soft bounces (an address soft-bouncing on all three campaigns, so
 * each such address reaches the default limit once).
 */
const plan = () => {
  const hard = Math.floor(UNIQUE * 0.04);
  const complaints = Math.floor(UNIQUE * 0.04);
  const softAddresses = Math.floor((UNIQUE * 0.12) / CAMPAIGNS);
  const opens = Math.floor(UNIQUE * 0.3);
  const delivered = UNIQUE - hard - complaints - softAddresses * CAMPAIGNS - opens;
  const contacts = Math.max(hard + complaints + softAddresses, Math.ceil(delivered / CAMPAIGNS), Math.ceil(opens / CAMPAIGNS));
  return { hard, complaints, softAddresses, opens, delivered, contacts };
};

const emailOf = (contact) => `reader${contact}@example${contact % 7}.com`;
const messageIdOf = (campaign, contact) => `<c${campaign}.r${contact}@news.bench.test>`;

/** Contacts, three sent campaigns, a delivery of each campaign to each contact (campaign-major ids). */
const seed = (strapi, contacts) => {
  const sentAt = Date.now() - 3_600_000;
  return seedSentCampaigns(strapi, {
    name: 'bench-inbound',
    campaigns: CAMPAIGNS,
    contacts,
    tag: 'binb',
    emailOf,
    messageIdOf,
    sentAtOf: () => sentAt,
  });
};

/** The unique events of the plan, as the webhook adapters hand them to the pipeline. */
const uniqueEvents = (p) => {
  const base = Date.now() - 1_800_000;
  const events = [];
  const add = (kind, campaign, contact, recipient) => {
    const n = events.length;
    const origin = PROVIDERS[n % PROVIDERS.length];
    const reference = `${origin}-evt-${n}`;
    const email = emailOf(contact);
    events.push({
      source: 'webhook',
      origin,
      reference,
      kind,
      at: base + n * 7,
      recipients: [{ email, bounceType: null, reason: null, status: null, diagnostic: null, ...recipient }],
      feedbackType: kind === 'complaint' ? 'abuse' : null,
      match: { messageIds: [messageIdOf(campaign, contact)] },
      raw: JSON.stringify({ id: reference, type: kind, email, messageId: messageIdOf(campaign, contact), at: base + n * 7 }),
    });
  };
  for (let i = 0; i < p.delivered; i += 1) add('delivered', i % CAMPAIGNS, Math.floor(i / CAMPAIGNS), {});
  for (let i = 0; i < p.opens; i += 1) add('open', i % CAMPAIGNS, Math.floor(i / CAMPAIGNS), {});
  const hard = { bounceType: 'hard', reason: 'userunknown', status: '5.1.1', diagnostic: '550 5.1.1 user unknown' };
  const soft = { bounceType: 'soft', reason: 'mailboxfull', status: '4.2.2', diagnostic: '452 4.2.2 mailbox full' };
  for (let i = 0; i < p.hard; i += 1) add('bounce', 0, i, hard);
  for (let i = 0; i < p.complaints; i += 1) add('complaint', 0, p.hard + i, {});
  for (let i = 0; i < p.softAddresses; i += 1) for (let c = 0; c < CAMPAIGNS; c += 1) add('bounce', c, p.hard + p.complaints + i, soft);
  return events;
};

/** A fixed shuffle (mulberry32): every run applies the same order. */
const shuffled = (items) => {
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

/** What the plan must leave in the database, whatever the order the events came in. */
const expectedCounts = (p) => ({
  notices: UNIQUE,
  raw: UNIQUE,
  firstOutcomes: UNIQUE,
  actions: {
    recorded: p.delivered + p.opens,
    suppressed: p.hard + p.softAddresses,
    'soft-counted': p.softAddresses * (CAMPAIGNS - 1),
    complained: p.complaints,
  },
  events: { delivered: p.delivered, open: p.opens, bounce: p.hard + p.softAddresses * CAMPAIGNS, complaint: p.complaints },
  suppressions: { 'hard-bounce': p.hard, complaint: p.complaints, 'soft-bounce-limit': p.softAddresses },
  expiringSuppressions: p.softAddresses,
  contacts: { bounced: p.hard, complained: p.complaints, subscribed: p.contacts - p.hard - p.complaints },
  failedDeliveries: p.hard,
  // Every matched bounce and complaint heard, each (notice, action) once; a soft bounce one call
  // counted and another found to reach the limit is heard both ways (pipeline.ts, enforceSoftLimits).
  heard: { 'campaigns.bounce': p.hard + p.softAddresses * CAMPAIGNS, 'campaigns.complaint': p.complaints },
  heardTwice: 0,
});

const grouped = async (knex, table, column) =>
  Object.fromEntries(
    (await knex(table).select(column).count({ n: '*' }).groupBy(column))
      .map((r) => [r[column], Number(r.n)])
      .sort(([a], [b]) => (a < b ? -1 : 1))
  );
const countOf = async (query) => Number((await query.count({ n: '*' }).first()).n);

const main = async () => {
  const p = plan();
  const app = await bootPlaygroundOnRedis(client, 'inbound', {
    CAMPAIGNS_SIGNING_SECRET: SECRET,
    CAMPAIGNS_PUBLIC_URL: 'http://127.0.0.1',
  });
  const { strapi } = app;
  try {
    await seed(strapi, p.contacts);
    const heardPairs = new Map();
    for (const name of ['campaigns.bounce', 'campaigns.complaint', 'campaigns.unsubscribe']) {
      strapi.eventHub.on(name, (payload) => {
        const pair = `${name}:${payload.noticeId}:${payload.action}`;
        heardPairs.set(pair, (heardPairs.get(pair) ?? 0) + 1);
      });
    }

    const unique = uniqueEvents(p);
    const all = shuffled([...unique, ...unique]);
    const batches = [];
    for (let at = 0; at < all.length; at += BATCH) batches.push(all.slice(at, at + BATCH));
    const pipeline = strapi[ROOT].running.inbound;
    let next = 0;
    let firstOutcomes = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batches.length) {
          const outcomes = await pipeline.apply(batches[next++]);
          firstOutcomes += outcomes.filter((o) => !o.repeat).length;
        }
      })
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    const knex = strapi.db.connection;
    const suppressions = strapi.db.metadata.get('plugin::campaigns.suppression');
    const expiresAt = suppressions.attributes.expiresAt.columnName;
    const actual = {
      notices: await countOf(knex('campaigns_inbound_notices')),
      raw: await countOf(knex('campaigns_inbound_raw')),
      firstOutcomes,
      actions: await grouped(knex, 'campaigns_inbound_notices', 'action'),
      events: await grouped(knex, 'campaigns_events', 'type'),
      suppressions: await grouped(knex, suppressions.tableName, 'reason'),
      expiringSuppressions: await countOf(knex(suppressions.tableName).whereNotNull(expiresAt)),
      contacts: await grouped(knex, 'campaigns_contacts', 'state'),
      failedDeliveries: await countOf(knex('campaigns_deliveries').where({ state: 'failed' })),
      heard: [...heardPairs.keys()].reduce((byName, pair) => {
        const [name, noticeId] = pair.split(':');
        byName[name] = (byName[name] ?? new Set()).add(noticeId);
        return byName;
      }, {}),
      heardTwice: [...heardPairs.values()].filter((n) => n > 1).length,
    };
    actual.heard = Object.fromEntries(Object.entries(actual.heard).map(([name, ids]) => [name, ids.size]));
    const expected = expectedCounts(p);
    const sorted = (o) =>
      JSON.stringify(o, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
    const exact = sorted(actual) === sorted(expected);
    if (!exact) console.log(`apply ${client}: counts differ\n  expected ${sorted(expected)}\n  actual   ${sorted(actual)}`);
    const rate = all.length / seconds;
    console.log(
      `apply ${client}: ${Math.round(rate)} events/s (${all.length} events, ${UNIQUE} unique, ${seconds.toFixed(1)} s, ` +
        `batches of ${BATCH}, ${CONCURRENCY} at once), counts exact: ${exact ? 'yes' : 'no'}`
    );
    writeResult({ client, rate, seconds, events: all.length, exact, expected, actual });
  } finally {
    await app.close();
  }
};

runMain(main);
