'use strict';

/**
 * A campaign's report at size: the built playground booted in this process on a scratch database,
 * one sent campaign with BENCH_DELIVERIES deliveries and BENCH_EVENTS events written in bulk
 * (readers' and machines' opens, clicks on five links, hard and soft bounces, complaints and
 * unsubscribes, spread over two weeks), its counters rebuilt from them (`rebuild`, timed), then:
 *   - the report (the analytics service's `report`, what GET .../report answers): the first, which
 *     counts the finished campaign's deliveries by state once, then BENCH_REPORTS more: their median
 *     and p99;
 *   - a page of the campaigns list (the campaign among them, with how many it was sent to and its
 *     rates, from counters), the same way, and the dashboard of the last 90 days (the campaign in it);
 *   - the cost of keeping the counters: BENCH_RECORDED new readers' opens written in batches of
 *     500 through the one event write path's transaction (writeEventBatch, from the event write
 *     thread's bundle) on Strapi's own connection, with the counters and without, taking turns.
 *
 *   node bench/analytics/analytics.js <sqlite|postgres|mysql>
 *
 * Environment: BENCH_DELIVERIES (1000000), BENCH_EVENTS (3000000), BENCH_REPORTS (100),
 * BENCH_RECORDED (50000), BENCH_RESULT=<file> writes the figures as JSON.
 * Last line: `analytics <db>: report p50 <A> ms, p99 <B> ms at <N> deliveries, rollup cost <C>%`.
 */
const path = require('node:path');
const { bootPlaygroundOnRedis } = require('../lib/boot');
const { runMain, writeResult } = require('../lib/run');
const { insertContacts, insertLinks, INSERT_ROWS } = require('../lib/seed');

const client = process.argv[2] || 'sqlite';
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS || 3_000_000);
const REPORTS = Number(process.env.BENCH_REPORTS || 100);
const RECORDED = Number(process.env.BENCH_RECORDED || 50_000);
const LINKS = 5;
const BATCH = 500;
const MINUTE = 60_000;
const DAY = 86_400_000;
const { writeEventBatch, createRollupWriter } = require(path.join(__dirname, '..', '..', 'dist', 'event-write-thread', 'index.js'));

/**
 * The events of delivery d (its index) in round r: a reader's or a machine's open first, then a
 * click or another open the next day, then a bounce, complaint, unsubscribe or an open within two
 * weeks; further rounds are more opens. Every one in a minute of its own, so every key is distinct.
 */
const eventOf = (d, r, sentAt) => {
  if (r === 0)
    return d % 10 < 6
      ? { type: 'open', isBot: false, at: sentAt + (5 + (d % 60)) * MINUTE }
      : { type: 'open', isBot: true, at: sentAt + MINUTE };
  if (r === 1)
    return d % 4 === 0
      ? { type: 'click', isBot: false, link: d % LINKS, at: sentAt + DAY + (d % 60) * MINUTE }
      : { type: 'open', isBot: false, at: sentAt + DAY + (d % 60) * MINUTE };
  if (r === 2) {
    const at = sentAt + (d % 14) * DAY + 120 * MINUTE;
    if (d % 100 === 0) return { type: 'bounce', kind: 'hard', at };
    if (d % 100 === 1) return { type: 'bounce', kind: 'soft-limit', at };
    if (d % 100 === 2) return { type: 'complaint', at };
    if (d % 100 === 3) return { type: 'unsubscribe', at };
    return { type: 'open', isBot: false, at };
  }
  return { type: 'open', isBot: false, at: sentAt + 15 * DAY + r * MINUTE };
};

const roundsOf = (d) => Math.floor(EVENTS / DELIVERIES) + (d < EVENTS % DELIVERIES ? 1 : 0);

/** The first times the delivery's events give it, as the live path would have set them. */
const firstsOf = (d, sentAt) => {
  const firsts = { first_open_at: null, first_machine_open_at: null, first_click_at: null };
  const keep = (column, at) => {
    if (firsts[column] === null || at < firsts[column]) firsts[column] = at;
  };
  for (let r = 0; r < roundsOf(d); r++) {
    const e = eventOf(d, r, sentAt);
    if (e.type === 'open') keep(e.isBot ? 'first_machine_open_at' : 'first_open_at', e.at);
    if (e.type === 'click') keep('first_click_at', e.at);
  }
  return firsts;
};

const rowOf = (e, delivery, linkIds, now) => {
  const minute = Math.floor(e.at / MINUTE);
  const base = {
    delivery_id: delivery.id,
    campaign_id: delivery.campaignId,
    contact_id: delivery.contactId,
    occurred_at: e.at,
    created_at: now,
  };
  switch (e.type) {
    case 'open':
      return {
        ...base,
        type: 'open',
        source: 'tracking',
        is_bot: e.isBot,
        idempotency_key: `open:${delivery.id}:${minute}:${e.isBot ? 'machine' : 'human'}`,
        data: JSON.stringify({ client: e.isBot ? 'proxy' : 'browser' }),
      };
    case 'click': {
      const linkId = linkIds[e.link];
      return {
        ...base,
        type: 'click',
        source: 'tracking',
        is_bot: false,
        idempotency_key: `click:${delivery.id}:${linkId}:${minute}:human`,
        data: JSON.stringify({ linkId, client: 'browser' }),
      };
    }
    case 'bounce': {
      const hard = e.kind === 'hard';
      const data = {
        kind: e.kind,
        code: hard ? 550 : 452,
        message: hard ? '550 5.1.1 unknown' : '452 4.2.2 full',
        bounceType: hard ? 'hard' : 'soft',
        reason: hard ? 'userunknown' : 'mailboxfull',
        status: hard ? '5.1.1' : '4.2.2',
      };
      return {
        ...base,
        type: 'bounce',
        source: 'webhook',
        is_bot: false,
        idempotency_key: `bounce:webhook:bench-${delivery.id}:${delivery.id}`,
        data: JSON.stringify(data),
      };
    }
    default:
      return {
        ...base,
        type: e.type,
        source: 'webhook',
        is_bot: false,
        idempotency_key: `${e.type}:${delivery.id}`,
        data: e.type === 'complaint' ? JSON.stringify({ reference: `bench-${delivery.id}` }) : null,
      };
  }
};

const timed = async (work) => {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const latencies = async (label, times, work) => {
  for (let i = 0; i < 5; i++) await work();
  const ms = [];
  for (let i = 0; i < times; i++) ms.push((await timed(work)).ms);
  ms.sort((a, b) => a - b);
  const figures = { p50: percentile(ms, 0.5), p99: percentile(ms, 0.99), max: ms[ms.length - 1] };
  console.log(
    `${label} ${client}: p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, max ${figures.max.toFixed(1)} ms (${times} reads)`
  );
  return figures;
};

/** A sent campaign, its contacts, deliveries (with their first times) and links, then its events. */
const seed = async (strapi) => {
  const knex = strapi.db.connection;
  const sentAt = Date.now() - 20 * DAY;
  const campaign = await strapi.db
    .query('plugin::campaigns.campaign')
    .create({ data: { name: 'bench-analytics', subject: 'Bench', state: 'sent' } });
  await knex.transaction(async (trx) => {
    await insertContacts(trx, DELIVERIES, { tag: 'banaly', emailOf: (i) => `reader${i}@example${i % 7}.com` });
    await insertLinks(trx, campaign.id, LINKS, sentAt);
    // Its send record: the campaigns list shows how many it was sent to.
    await trx('campaigns_sends').insert({
      campaign_id: campaign.id,
      state: 'dispatched',
      rules: '{}',
      started_at: sentAt,
      dispatched_at: sentAt,
      updated_at: sentAt,
    });
  });
  const contacts = await knex('campaigns_contacts').select('id', 'email').orderBy('id');
  for (let at = 0; at < contacts.length; at += INSERT_ROWS) {
    await knex('campaigns_deliveries').insert(
      contacts.slice(at, at + INSERT_ROWS).map((c, i) => ({
        campaign_id: campaign.id,
        contact_id: c.id,
        email: c.email,
        state: (at + i) % 100 === 0 ? 'failed' : 'sent',
        attempts: 1,
        queued_at: sentAt,
        sent_at: sentAt,
        updated_at: sentAt,
        ...firstsOf(at + i, sentAt),
      }))
    );
  }
  const deliveries = (await knex('campaigns_deliveries').select('id', 'contact_id').where('campaign_id', campaign.id).orderBy('id')).map(
    (r) => ({
      id: Number(r.id),
      contactId: Number(r.contact_id),
      campaignId: campaign.id,
    })
  );
  const linkIds = (await knex('campaigns_links').select('id').where('campaign_id', campaign.id).orderBy('position')).map((r) =>
    Number(r.id)
  );
  const now = Date.now();
  let rows = [];
  const flush = async () => {
    if (rows.length) await knex('campaigns_events').insert(rows);
    rows = [];
  };
  for (let d = 0; d < deliveries.length; d++) {
    for (let r = 0; r < roundsOf(d); r++) {
      rows.push(rowOf(eventOf(d, r, sentAt), deliveries[d], linkIds, now));
      if (rows.length === INSERT_ROWS) await flush();
    }
  }
  await flush();
  return { campaign, deliveries };
};

/** BENCH_RECORDED new readers' opens, in batches, with and without the counters taking turns: events per second each. */
const rollupCost = async (knex, deliveries) => {
  const counters = createRollupWriter();
  const later = Date.now() + 30 * DAY;
  const batchOf = (b, minute) =>
    Array.from({ length: BATCH }, (_, i) => {
      const delivery = deliveries[(b * BATCH + i) % deliveries.length];
      return { type: 'open', source: 'tracking', delivery, at: later + minute * MINUTE, isBot: false, client: 'browser' };
    });
  const spent = { with: 0, without: 0 };
  const batches = Math.max(1, Math.round(RECORDED / BATCH));
  for (let b = 0; b < batches; b++) {
    for (const mode of b % 2 ? ['with', 'without'] : ['without', 'with']) {
      const events = batchOf(b, mode === 'with' ? 1 : 2);
      spent[mode] += (await timed(() => writeEventBatch(knex, mode === 'with' ? counters : undefined, events, Date.now()))).ms;
    }
  }
  const events = batches * BATCH;
  const rate = { with: (events / spent.with) * 1000, without: (events / spent.without) * 1000 };
  const cost = 1 - rate.with / rate.without;
  console.log(
    `rollups ${client}: ${Math.round(rate.without)} events/s without the counters, ${Math.round(rate.with)} with them (${events} events each, batches of ${BATCH}): cost ${(cost * 100).toFixed(1)}%`
  );
  return { rate, cost };
};

const main = async () => {
  const app = await bootPlaygroundOnRedis(client, 'analytics');
  const { strapi } = app;
  try {
    const seeded = await timed(() => seed(strapi));
    const { campaign, deliveries } = seeded.result;
    const knex = strapi.db.connection;
    // Rows loaded in bulk outrun PostgreSQL's statistics until autovacuum analyses them; a table that
    // grew with its campaigns would have them: the plans are measured with them.
    if (client === 'postgres') await knex.raw('ANALYZE campaigns_events, campaigns_deliveries, campaigns_contacts');
    const events = Number((await knex('campaigns_events').count({ n: '*' }).first()).n);
    console.log(`seeded ${client}: ${deliveries.length} deliveries, ${events} events in ${(seeded.ms / 1000).toFixed(0)} s`);
    const analytics = strapi.plugin('campaigns').service('analytics');
    const rebuilt = await timed(() => analytics.rebuild({ campaign: campaign.id }));
    console.log(`rebuild ${client}: the counters from ${events} raw events in ${(rebuilt.ms / 1000).toFixed(1)} s`);
    // The first report of a finished campaign counts its deliveries by state once and keeps them.
    const first = await timed(() => analytics.report(campaign.documentId));
    const sample = first.result;
    console.log(
      `report ${client}: the first in ${first.ms.toFixed(0)} ms (it counts the deliveries by state once); ${sample.sent} sent, ${sample.delivered} delivered, people's opens ${sample.opens.human.unique} unique / ${sample.opens.human.total}, ` +
        `clicks ${sample.clicks.human.unique}, bounces ${sample.bounces.hard} hard ${sample.bounces.soft} soft, ${sample.series.length} points`
    );
    global.gc();
    const report = await latencies('report', REPORTS, () => analytics.report(campaign.documentId));
    const listPage = () => strapi.plugin('campaigns').service('campaigns').list({ pageSize: 25 });
    const listed = (await listPage()).data.find((row) => row.documentId === campaign.documentId);
    console.log(`campaigns list ${client}: the campaign sent to ${listed.sentTo}`);
    const list = await latencies('campaigns list', REPORTS, listPage);
    const period = await analytics.dashboard({ days: '90' });
    console.log(
      `dashboard ${client}: ${period.totals.campaigns} campaign, ${period.totals.sent} sent, opens per day ${period.campaigns[0].daily.join(' ')}`
    );
    const dashboard = await latencies('dashboard (90 days)', REPORTS, () => analytics.dashboard({ days: '90' }));
    // The first domain report of a finished campaign counts what each domain was sent once and keeps it.
    const firstDomains = await timed(() => analytics.domains(campaign.documentId));
    console.log(
      `domains ${client}: the first in ${firstDomains.ms.toFixed(0)} ms (it counts each domain's sent once); ${firstDomains.result.total} domains, ` +
        firstDomains.result.domains.map((d) => `${d.domain} ${d.sent} sent ${d.uniqueOpens} opened`).join(', ')
    );
    const domains = await latencies('domains', REPORTS, () => analytics.domains(campaign.documentId));
    const cost = await rollupCost(knex, deliveries);
    writeResult({
      client,
      deliveries: deliveries.length,
      events,
      rebuildMs: rebuilt.ms,
      firstReportMs: first.ms,
      report,
      list,
      dashboard,
      firstDomainsMs: firstDomains.ms,
      domains,
      rollupRate: cost.rate,
      rollupCost: cost.cost,
    });
    console.log(
      `analytics ${client}: report p50 ${report.p50.toFixed(1)} ms, p99 ${report.p99.toFixed(1)} ms at ${deliveries.length} deliveries, rollup cost ${(cost.cost * 100).toFixed(1)}%`
    );
  } finally {
    await app.close();
  }
};

runMain(main);
