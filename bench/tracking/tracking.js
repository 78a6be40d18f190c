'use strict';

/**
 * The public tracking endpoints under load: the built playground booted in this process on a scratch
 * database, a sent campaign's deliveries seeded in bulk (contacts, deliveries, links), then the open
 * pixel and the click redirect hammered with keep-alive GETs from a child process (bench/tracking/
 * load.js), each request a distinct delivery (or delivery and link) in turn, as the opens of a
 * campaign's first minutes arrive. The same client first measures a bare Node http server that
 * verifies the same token and answers the same pixel: the ceiling of this machine.
 *
 *   node bench/tracking/tracking.js <sqlite|postgres|mysql>
 *
 * Environment: BENCH_DELIVERIES (20000), BENCH_CONCURRENCY (50), BENCH_SECONDS (10 per endpoint),
 * BENCH_RESULT=<file> writes the figures as JSON. Public rate limits are off (one client IP here).
 * Prints one line per endpoint: `<endpoint> <db>: <N> req/s, p50 <x> ms, p99 <y> ms (<R> of bare)`.
 */
const http = require('node:http');
const path = require('node:path');
const { fork } = require('node:child_process');
const { createHmac } = require('node:crypto');
const { bootPlaygroundOnRedis } = require('../lib/boot');
const { runMain, writeResult } = require('../lib/run');
const { insertContacts, sha256Hex, INSERT_ROWS } = require('../lib/seed');

const client = process.argv[2] || 'sqlite';
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 50);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const WARMUP_SECONDS = 2;
const LINKS = 5;
const SECRET = 'bench-tracking-signing-secret-0123456789abcdef';
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Tokens as the plugin signs them (server/src/tracking/tokens.ts): the format is a contract with every
 * message already sent, so the bench spells it out rather than reaching into the plugin's build.
 */
const keyOf = (purpose) => createHmac('sha256', SECRET).update(`campaigns-token-v1:${purpose}`).digest();
const KEYS = { open: keyOf('open'), click: keyOf('click') };
const macOf = (purpose, body) => createHmac('sha256', KEYS[purpose]).update(body).digest().subarray(0, 16).toString('base64url');
const tokenOf = (purpose, ids) => {
  const body = ids.map((id) => id.toString(36)).join('.');
  return `${body}.${macOf(purpose, body)}`;
};

const load = (urls) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'load.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', resolve);
    child.once('error', reject);
    child.send({ urls, concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS });
  });

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const close = (server) => new Promise((resolve) => server.close(() => resolve()));

/** The machine's ceiling: the same token check and the same pixel, with nothing else. */
const measureBare = async () => {
  const server = http.createServer((req, res) => {
    const token = req.url.slice(req.url.lastIndexOf('/') + 1);
    const [body, mac] = [token.slice(0, token.lastIndexOf('.')), token.slice(token.lastIndexOf('.') + 1)];
    res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store', 'x-valid': String(macOf('open', body) === mac) });
    res.end(PIXEL);
  });
  server.keepAliveTimeout = 30_000;
  const port = await listen(server);
  const urls = Array.from({ length: DELIVERIES }, (_, i) => `http://127.0.0.1:${port}/o/${tokenOf('open', [i + 1])}`);
  const result = await load(urls);
  await close(server);
  return result;
};

/** A sent campaign: contacts, one sent delivery each (ten minutes ago: no opens by prefetch timing), its links. */
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
  const linkIds = (await knex('campaigns_links').select('id').where('campaign_id', campaign.id).orderBy('id')).map((r) => Number(r.id));
  return { deliveryIds, linkIds };
};

const line = (name, result, bare) => {
  const rate = result.requests / result.seconds;
  const share = bare ? ` (${(rate / (bare.requests / bare.seconds)).toFixed(3)} of bare)` : '';
  const errors = result.errors ? `, ${result.errors} errors` : '';
  return `${name} ${client}: ${Math.round(rate)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms${share}${errors}`;
};

const main = async () => {
  const bare = await measureBare();
  console.log(line('bare-node', bare));

  const app = await bootPlaygroundOnRedis(client, 'tracking', {
    CAMPAIGNS_SIGNING_SECRET: SECRET,
    CAMPAIGNS_PUBLIC_URL: 'http://127.0.0.1',
    CAMPAIGNS_PUBLIC_LIMITS: JSON.stringify({ enabled: false }),
  });
  const { strapi } = app;
  try {
    const { deliveryIds, linkIds } = await seed(strapi);
    await strapi.server.mount();
    strapi.server.httpServer.keepAliveTimeout = 30_000;
    const port = await listen(strapi.server.httpServer);
    const base = `http://127.0.0.1:${port}/api/campaigns/t`;
    const knex = strapi.db.connection;
    const eventsOf = async (type) => Number((await knex('campaigns_events').count({ n: '*' }).where({ type }).first()).n);

    const open = await load(deliveryIds.map((id) => `${base}/o/${tokenOf('open', [id])}`));
    console.log(line('open', open, bare));
    const clickUrls = [];
    for (const linkId of linkIds) for (const id of deliveryIds) clickUrls.push(`${base}/c/${tokenOf('click', [id, linkId])}`);
    const click = await load(clickUrls);
    console.log(line('click', click, bare));
    const recorded = { open: await eventsOf('open'), click: await eventsOf('click') };
    console.log(
      `recorded ${client}: ${recorded.open} open and ${recorded.click} click events; statuses open ${JSON.stringify(open.statuses)}, click ${JSON.stringify(click.statuses)}`
    );
    writeResult({ client, concurrency: CONCURRENCY, bare, open, click, recorded });
  } finally {
    await app.close();
  }
};

runMain(main);
