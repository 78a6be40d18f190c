'use strict';

/**
 * The public tracking endpoints under load: the built playground booted in this process on a scratch
 * database, a sent campaign's deliveries seeded in bulk (contacts, deliveries, links), then the open
 * pixel and the click redirect hammered together with keep-alive GETs from a child process
 * (bench/tracking/load.js), half opens and half clicks, each request a distinct event (a delivery's
 * open, or a delivery and link's click), as a campaign's first minutes bring them. The same client
 * measures a bare Node http server in this process that verifies the same tokens and answers the
 * same pixel and redirect (a Map of the links): the ceiling of this machine. The two take turns,
 * BENCH_ROUNDS slices of each after a warm-up, Strapi's tracking buffer written out after each of
 * its slices (the time it took is printed). Then the events in the database are counted against
 * the requests answered.
 *
 *   node bench/tracking/tracking.js <sqlite|postgres|mysql>
 *
 * Environment: BENCH_DELIVERIES (100000), BENCH_CONCURRENCY (50), BENCH_SECONDS (10, each
 * server's measured seconds in all), BENCH_ROUNDS (5), BENCH_RESULT=<file> writes the figures as JSON,
 * BENCH_PROFILE_FILE=<file.cpuprofile> profiles Strapi's last slice, and the bare server's last into <file>.bare.cpuprofile
 * (bench/send/profile-summary.js reads them),
 * BENCH_STATEMENTS=1 prints the time of each kind of database statement (measured slices and writes). The public limits are on, as in production, with
 * a per-IP limit no run reaches (every request here comes from one IP): their counting is measured,
 * not their refusals.
 * Prints `bare-node`, `strapi <db>`, `event loop <db>`, the load average, `cpu` (each server's CPU time
 * per request: its process, on PostgreSQL the database server's processes, the load generator;
 * bench/tracking/cpu.js) and `recorded <db>` lines, then
 * `tracking <db>: <N> req/s, p99 <L> ms, <R> of bare node, events lost <K>`.
 */
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { fork } = require('node:child_process');
const { createHistogram } = require('node:perf_hooks');
const { bootPlaygroundOnRedis } = require('../lib/boot');
const { startProfile } = require('../lib/profile');
const { statementTimer } = require('../lib/statements');
const { runMain, writeResult } = require('../lib/run');
const { insertContacts, insertLinks, INSERT_ROWS } = require('../lib/seed');
const { LINKS, SECRET, verify } = require('./urls');
const { addCpu, cpuMeter, cpuRatioOf, cpuTally, perRequest } = require('./cpu');

const client = process.argv[2] || 'sqlite';
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 50);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const WARMUP_SECONDS = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const ROOT = Symbol.for('strapi-plugin-campaigns.root');
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The load generator, set up for both servers; `slice(target, seconds, measured, watch)` runs one slice
 * against one of them, `watch` (if given) running around the slice itself. The heap is collected
 * before each slice, and before `watch` starts, so no garbage of what came before is collected during it.
 */
const startLoad = (targets, deliveryIds, linkIds) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'load.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('message', () =>
      resolve({
        slice: (target, seconds, measured, watch = (work) => work()) => {
          global.gc();
          return watch(
            () =>
              new Promise((done) => {
                child.once('message', done);
                child.send({ target, seconds, measured });
              })
          );
        },
        stop: () => child.send({ done: true }),
        pid: child.pid,
      })
    );
    child.send({ targets, deliveryIds, linkIds, concurrency: CONCURRENCY });
  });

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const close = (server) => new Promise((resolve) => server.close(() => resolve()));

/** The machine's ceiling: the same token checks, the same pixel and redirect, nothing else. */
const bareServer = (urlOfLink) => {
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
  return server;
};

/**
 * Runs `work` while a 1 ms timer records how late it fires (nanoseconds) into `histogram`: the
 * event loop's delay during Strapi's slices only (perf_hooks' monitor, paused over the bare
 * server's slices, would count each pause as one long delay).
 */
const delayWhile = async (histogram, work) => {
  let running = true;
  let due = performance.now() + 1;
  const tick = () => {
    if (!running) return;
    const now = performance.now();
    histogram.record(Math.max(1, Math.round((now - due) * 1e6)));
    due = now + 1;
    setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  try {
    return await work();
  } finally {
    running = false;
  }
};

/** What one server's slices add up to. */
const tally = () => ({ requests: 0, errors: 0, seconds: 0, statuses: {}, answered: {}, latencies: [], sent: 0 });

const addCounts = (into, from) => {
  for (const [status, n] of Object.entries(from)) into[status] = (into[status] ?? 0) + n;
};

const addSlice = (total, slice, seconds) => {
  total.requests += slice.requests;
  total.errors += slice.errors;
  total.seconds += seconds;
  total.sent = slice.sent;
  addCounts(total.statuses, slice.statuses);
  addCounts(total.answered, slice.answered);
  for (const latency of slice.latencies) total.latencies.push(latency);
};

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0);

const summary = (total) => {
  const sorted = Float64Array.from(total.latencies).sort();
  return { ...total, latencies: undefined, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
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
    await insertLinks(trx, campaign.id, LINKS, sentAt);
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
  let bare;
  try {
    const { deliveryIds, linkIds, urlOfLink } = await seed(strapi);
    // urls.js: an open and a click for each delivery.
    const urls = deliveryIds.length * 2;
    const tracking = strapi[ROOT].running.tracking;

    bare = bareServer(urlOfLink);
    const barePort = await listen(bare);
    await strapi.server.mount();
    strapi.server.httpServer.keepAliveTimeout = 30_000;
    const port = await listen(strapi.server.httpServer);
    const load = await startLoad(
      { bare: `http://127.0.0.1:${barePort}/api/campaigns/t`, strapi: `http://127.0.0.1:${port}/api/campaigns/t` },
      deliveryIds,
      linkIds
    );

    const bareTotal = tally();
    const strapiTotal = tally();
    const loopDelay = createHistogram();
    // Warm-up, not measured: each server's code compiled and its connections open.
    addSlice(bareTotal, await load.slice('bare', WARMUP_SECONDS, false), 0);
    addSlice(strapiTotal, await load.slice('strapi', WARMUP_SECONDS, false), 0);
    await tracking.flush();
    // The two servers take turns, so a machine whose speed drifts during the run slows both alike.
    const sliceSeconds = SECONDS / ROUNDS;
    const stopStatements = process.env.BENCH_STATEMENTS === '1' ? statementTimer(strapi) : null;
    const flushes = [];
    const meter = cpuMeter({ knex: strapi.db.connection, postgres: client === 'postgres', loadPid: load.pid });
    const bareCpu = cpuTally();
    const strapiCpu = cpuTally();
    for (let round = 0; round < ROUNDS; round++) {
      const profiled = process.env.BENCH_PROFILE_FILE && round === ROUNDS - 1;
      const stopBareProfile = profiled ? await startProfile() : null;
      let before = await meter.read();
      const bareSlice = await load.slice('bare', sliceSeconds, true);
      if (stopBareProfile) await stopBareProfile(process.env.BENCH_PROFILE_FILE.replace(/(\.cpuprofile)?$/, '.bare$1'));
      addCpu(bareCpu, meter.delta(before, await meter.read()), bareSlice.requests);
      addSlice(bareTotal, bareSlice, sliceSeconds);
      const stopProfile = profiled ? await startProfile() : null;
      before = await meter.read();
      const strapiSlice = await load.slice('strapi', sliceSeconds, true, (work) => delayWhile(loopDelay, work));
      if (stopProfile) await stopProfile(process.env.BENCH_PROFILE_FILE);
      // Strapi's writes of its slice end before the bare server's next: neither pays for the other's work.
      const flushStarted = performance.now();
      await tracking.flush();
      flushes.push(performance.now() - flushStarted);
      // The slice's CPU includes the writes of its events, ended by the flush.
      addCpu(strapiCpu, meter.delta(before, await meter.read()), strapiSlice.requests);
      addSlice(strapiTotal, strapiSlice, sliceSeconds);
    }
    load.stop();
    const statements = stopStatements?.();
    const bareResult = summary(bareTotal);
    const result = summary(strapiTotal);
    console.log(line('bare-node', bareResult));
    console.log(line(`strapi ${client}`, result, bareResult));
    const ms = (ns) => (ns / 1e6).toFixed(1);
    console.log(
      `event loop ${client}: delay p50 ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms ` +
        '(a stall delays every request waiting on it)'
    );

    const us = (n) => n.toFixed(0).padStart(4);
    const cpuLine = (name, tally) => {
      const cost = perRequest(tally);
      const server = client === 'postgres' ? `, postgres ${us(cost.postgres)}` : '';
      return `cpu ${name}: ${us(cost.server)} µs a request in the server's process${server}, load generator ${us(cost.load)} (per request answered)`;
    };
    const loadAverage = os.loadavg().map((n) => n.toFixed(2));
    console.log(`load average ${loadAverage.join(' ')}`);
    console.log(cpuLine('bare-node', bareCpu));
    console.log(cpuLine(`strapi ${client}`, strapiCpu));
    const cpuRatio = cpuRatioOf(perRequest(bareCpu), perRequest(strapiCpu));
    console.log(
      `cpu ratio ${client}: ${cpuRatio.toFixed(2)} (CPU per bare request over CPU per Strapi request, database and load generator included: the ratio when both fill the cores, whatever else runs)`
    );
    for (const [kind, e] of statements?.slice(0, 10) ?? [])
      console.log(`  statement ${String(Math.round(e.ms)).padStart(7)} ms ${String(e.count).padStart(6)}x  ${kind}`);

    // Every answered pixel (200) and redirect (302) was a distinct event, unless the list ran out.
    if (result.sent > urls) console.log(`warning: ${result.sent} requests for ${urls} URLs: raise BENCH_DELIVERIES`);
    const answered = (result.answered[200] ?? 0) + (result.answered[302] ?? 0);
    const knex = strapi.db.connection;
    const count = async (type) => Number((await knex('campaigns_events').count({ n: '*' }).where({ type }).first()).n);
    const recorded = { open: await count('open'), click: await count('click') };
    // A reader's open and click set the delivery's first open and click times (an update each); a machine's do not.
    const humanEvents = Number((await knex('campaigns_events').count({ n: '*' }).where({ is_bot: false }).first()).n);
    const lost = Math.max(0, answered - recorded.open - recorded.click);
    console.log(
      `recorded ${client}: ${recorded.open} open and ${recorded.click} click events for ${answered} answered requests ` +
        `(warm-up included; the writes of each slice ended ${flushes.map((f) => f.toFixed(0)).join(' / ')} ms after it)`
    );
    if (client === 'postgres') {
      // Updates PostgreSQL made in the row's own page (HOT): no new version in each index of deliveries.
      // Each backend reports its counts once idle (PostgreSQL 15 waits up to 10 s): asked until they are in.
      const read = async () =>
        (await knex.raw(`SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'campaigns_deliveries'`)).rows[0];
      let stats = await read();
      for (let waited = 0; Number(stats.n_tup_upd) < humanEvents && waited < 15; waited++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        stats = await read();
      }
      console.log(`deliveries ${client}: ${stats.n_tup_hot_upd} of ${stats.n_tup_upd} updates in place (HOT)`);
    }
    const ratio = rateOf(result) / rateOf(bareResult);
    writeResult({
      client,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      bare: bareResult,
      result,
      recorded,
      answered,
      lost,
      ratio,
      cpu: { bare: perRequest(bareCpu), strapi: perRequest(strapiCpu), ratio: cpuRatio },
      loadAverage: os.loadavg(),
    });
    console.log(
      `tracking ${client}: ${Math.round(rateOf(result))} req/s, p99 ${result.p99.toFixed(1)} ms, ${ratio.toFixed(2)} of bare node, events lost ${lost}`
    );
  } finally {
    if (bare?.listening) await close(bare);
    await app.close();
  }
};

runMain(main);
