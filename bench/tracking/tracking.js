'use strict';

/**
 * The public tracking endpoints under load: the built playground booted in this process on a scratch
 * database, a sent campaign's deliveries seeded in bulk (contacts, deliveries, links), then the open
 * pixel and the click redirect hammered together with keep-alive GETs from a child process
 * (bench/tracking/load.js), half opens and half clicks, each request a distinct event (a delivery's
 * open, or a delivery and link's click), as a campaign's first minutes bring them. The same client
 * first measures a bare Node http server that verifies the same tokens and answers the same pixel
 * and redirect (a Map of the links): the ceiling of this machine. After the run the tracking buffer
 * is flushed and the events in the database are counted against the requests answered.
 *
 *   node bench/tracking/tracking.js <sqlite|postgres|mysql>
 *
 * Environment: BENCH_DELIVERIES (100000), BENCH_CONCURRENCY (50), BENCH_SECONDS (10),
 * BENCH_RESULT=<file> writes the figures as JSON. The public limits are on, as in production, with
 * a per-IP limit no run reaches (every request here comes from one IP): their counting is measured,
 * not their refusals.
 * Prints `bare-node`, `strapi <db>`, `event loop <db>` and `recorded <db>` lines, then
 * `tracking <db>: <N> req/s, p99 <L> ms, <R> of bare node, events lost <K>`.
 */
const http = require('node:http');
const path = require('node:path');
const { fork } = require('node:child_process');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { bootPlaygroundOnRedis } = require('../lib/boot');
const { runMain, writeResult } = require('../lib/run');
const { insertContacts, sha256Hex, INSERT_ROWS } = require('../lib/seed');
const { LINKS, SECRET, verify } = require('./urls');

const client = process.argv[2] || 'sqlite';
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 50);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const WARMUP_SECONDS = 2;
const ROOT = Symbol.for('strapi-plugin-campaigns.root');
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Runs the load generator against `base`; the heap is collected first, so no garbage of the setup is collected during the measurement. */
const load = (base, deliveryIds, linkIds) =>
  new Promise((resolve, reject) => {
    global.gc();
    const child = fork(path.join(__dirname, 'load.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', resolve);
    child.once('error', reject);
    child.send({ base, deliveryIds, linkIds, concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS });
  });

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const close = (server) => new Promise((resolve) => server.close(() => resolve()));

/** The machine's ceiling: the same token checks, the same pixel and redirect, nothing else. */
const measureBare = async (deliveryIds, linkIds, urlOfLink) => {
  const server = http.createServer((req, res) => {
    const slash = req.url.lastIndexOf('/');
    const kind = req.url[slash - 1];
    const ids = verify(kind === 'c' ? 'click' : 'open', req.url.slice(slash + 1));
    const headers = { 'cache-control': 'private, no-store, max-age=0', 'referrer-policy': 'no-referrer' };
    if (kind === 'o') {
      res.writeHead(200, { ...headers, 'content-type': 'image/gif' });
      return res.end(PIXEL);
    }
    const url = ids && urlOfLink.get(ids[1]);
    if (!url) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    res.writeHead(302, { ...headers, location: url });
    res.end();
  });
  server.keepAliveTimeout = 30_000;
  const port = await listen(server);
  const result = await load(`http://127.0.0.1:${port}/api/campaigns/t`, deliveryIds, linkIds);
  await close(server);
  return result;
};

/** A sent campaign: contacts, one sent delivery each (ten minutes ago), its links. */
const seed = async (strapi) => {
  const knex = strapi.db.connection;
  const sentAt = Date.now() - 10 * 60_000;
  const campaign = await strapi.db
    .query('plugin::campaigns.campaign')
    .create({ data: { name: 'bench-tracking', subject: 'Bench', state: 'sent' } });
  await knex.transaction(async (trx) => {
    await insertContacts(trx, DELIVERIES, { tag: 'btrack', emailOf: (i) => `reader${i}@example${i % 7}.com` });
    const ids = await trx('campaigns_contacts').select('id', 'email').orderBy('id');
    for (let at = 0; at < ids.length; at += INSERT_ROWS) {
      await trx('campaigns_deliveries').insert(
        ids.slice(at, at + INSERT_ROWS).map((c) => ({
          campaign_id: campaign.id,
          contact_id: c.id,
          email: c.email,
          state: 'sent',
          attempts: 1,
          queued_at: sentAt,
          sent_at: sentAt,
          updated_at: sentAt,
        }))
      );
    }
    await trx('campaigns_links').insert(
      Array.from({ length: LINKS }, (_, i) => ({
        campaign_id: campaign.id,
        variant: '',
        url_hash: sha256Hex(`https://example.com/${i}`),
        url: `https://example.com/${i}`,
        position: i,
        created_at: sentAt,
      }))
    );
  });
  const deliveryIds = (await knex('campaigns_deliveries').select('id').where('campaign_id', campaign.id).orderBy('id')).map((r) =>
    Number(r.id)
  );
  const links = await knex('campaigns_links').select('id', 'url').where('campaign_id', campaign.id).orderBy('id');
  return { deliveryIds, linkIds: links.map((r) => Number(r.id)), urlOfLink: new Map(links.map((r) => [Number(r.id), r.url])) };
};

const rateOf = (result) => result.requests / result.seconds;

const line = (name, result, bare) => {
  const share = bare ? ` (${(rateOf(result) / rateOf(bare)).toFixed(3)} of bare)` : '';
  const errors = result.errors ? `, ${result.errors} errors` : '';
  return `${name}: ${Math.round(rateOf(result))} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms${share}${errors}; statuses ${JSON.stringify(result.statuses)}`;
};

const main = async () => {
  const app = await bootPlaygroundOnRedis(client, 'tracking', {
    CAMPAIGNS_SIGNING_SECRET: SECRET,
    CAMPAIGNS_PUBLIC_URL: 'http://127.0.0.1',
    CAMPAIGNS_PUBLIC_LIMITS: JSON.stringify({ enabled: true, perIp: 1_000_000_000 }),
  });
  const { strapi } = app;
  try {
    const { deliveryIds, linkIds, urlOfLink } = await seed(strapi);
    // urls.js: an open and a click for each delivery.
    const urls = deliveryIds.length * 2;

    const bare = await measureBare(deliveryIds, linkIds, urlOfLink);
    console.log(line('bare-node', bare));

    await strapi.server.mount();
    strapi.server.httpServer.keepAliveTimeout = 30_000;
    const port = await listen(strapi.server.httpServer);
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const result = await load(`http://127.0.0.1:${port}/api/campaigns/t`, deliveryIds, linkIds);
    loopDelay.disable();
    console.log(line(`strapi ${client}`, result, bare));
    const ms = (ns) => (ns / 1e6).toFixed(1);
    console.log(
      `event loop ${client}: delay p50 ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms ` +
        '(a stall delays every request waiting on it)'
    );

    // Every answered pixel (200) and redirect (302) was a distinct event, unless the list ran out.
    if (result.sent > urls) console.log(`warning: ${result.sent} requests for ${urls} URLs: raise BENCH_DELIVERIES`);
    const answered = (result.answered[200] ?? 0) + (result.answered[302] ?? 0);
    const flushStarted = performance.now();
    await strapi[ROOT].running.tracking.flush();
    const flushMs = performance.now() - flushStarted;
    const knex = strapi.db.connection;
    const count = async (type) => Number((await knex('campaigns_events').count({ n: '*' }).where({ type }).first()).n);
    const recorded = { open: await count('open'), click: await count('click') };
    const lost = Math.max(0, answered - recorded.open - recorded.click);
    console.log(
      `recorded ${client}: ${recorded.open} open and ${recorded.click} click events for ${answered} answered requests ` +
        `(warm-up included; the last flush took ${flushMs.toFixed(0)} ms)`
    );
    const ratio = rateOf(result) / rateOf(bare);
    writeResult({ client, concurrency: CONCURRENCY, bare, result, recorded, answered, lost, ratio });
    console.log(
      `tracking ${client}: ${Math.round(rateOf(result))} req/s, p99 ${result.p99.toFixed(1)} ms, ${ratio.toFixed(2)} of bare node, events lost ${lost}`
    );
  } finally {
    await app.close();
  }
};

runMain(main);
