'use strict';

/**
 * A campaign sent end to end through the real pipeline: the built playground booted in this process
 * (workers in-process), real Redis, a scratch database, and a real SMTP server in a child process
 * (bench/send/sink.js) that reads every byte. Seeds the audience with bulk inserts, creates the
 * segment and the campaign (bench/send/newsletter.mjml) through the plugin's services, calls
 * sendNow and times it until progress says `sent`.
 *
 *   node bench/send/e2e.js <sqlite|postgres> [contacts]        (default 100000, or BENCH_CONTACTS)
 *
 * Environment: CAMPAIGNS_SEND_CONCURRENCY and CAMPAIGNS_BATCH_SIZE (the plugin's defaults, 10 and
 * 100, unless set); BENCH_SAMPLE=<file> keeps the first message's raw bytes there (bench/send/raw.js
 * sends it); BENCH_RESULT=<file> writes the figures as JSON; BENCH_PROFILE_FILE=<file.cpuprofile>
 * profiles the send (inspector, from sendNow to `sent`); BENCH_STATEMENTS=1 times the database
 * statements of the send by kind. SQLite runs as Strapi sets it up (rollback journal, synchronous
 * FULL: an fsync per commit); DATABASE_SQLITE_WAL=true makes the playground switch it to WAL with
 * synchronous NORMAL, reported as `sqlite-wal`.
 * Prints its figures; the last line is `e2e <db>: <N> msg/s ...`.
 */
const fs = require('node:fs');
const os = require('node:os');
const { createHash } = require('node:crypto');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const path = require('node:path');
const { bootPlayground } = require('../lib/boot');
const { startProfile } = require('../lib/profile');
const { statementTimer } = require('../lib/statements');
const { deleteRedisPrefix } = require('../../scripts/lib/redis-prefix');
const { startSink, sampleRss, cpuMsSince, sleep, mb } = require('./lib');

const client = process.argv[2] || 'sqlite';
const CONTACTS = Number(process.argv[3] || process.env.BENCH_CONTACTS || 100_000);
const BATCH = 500; // knex on SQLite refuses more than 500 rows in one INSERT
const TAG = 'bench-send';
const SECRET = 'bench-send-signing-secret-0123456789abcdef';
const FIRST_NAMES = [
  'Ann',
  'Bruno',
  'Chloé',
  'Dmitri',
  'Emma',
  'Farid',
  'Grace',
  'Hiro',
  'Inès',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Noor',
  'Oskar',
];
const PLANS = ['free', 'free', 'free', 'pro', 'team'];
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';
const prefix = `bench-send-${process.pid}`;

const hash = (email) => createHash('sha256').update(email.toLowerCase()).digest('hex');
const emailOf = (i) => `reader${i}@example${i % 7}.com`;

/** Bulk inserts, as segments.js fills its million: seeding is not what is measured. */
const seed = async (strapi) => {
  const knex = strapi.db.connection;
  const now = new Date();
  for (let from = 0; from < CONTACTS; from += BATCH * 20) {
    await knex.transaction(async (trx) => {
      for (let at = from; at < Math.min(from + BATCH * 20, CONTACTS); at += BATCH) {
        const rows = [];
        for (let i = at; i < Math.min(at + BATCH, CONTACTS); i += 1) {
          const email = emailOf(i);
          rows.push({
            document_id: `bsend${i.toString(36).padStart(19, '0')}`,
            email,
            email_hash: hash(email),
            first_name: FIRST_NAMES[i % FIRST_NAMES.length],
            state: 'subscribed',
            locale: 'en',
            attributes: JSON.stringify({ plan: PLANS[i % PLANS.length], batch: TAG }),
            created_at: now,
            updated_at: now,
            published_at: now,
          });
        }
        await trx('campaigns_contacts').insert(rows);
      }
    });
  }
  await knex.raw('ANALYZE');
};

/** Used MB per V8 heap space that holds much (new, old, large objects...). */
const heapSpaces = () =>
  require('node:v8')
    .getHeapSpaceStatistics()
    .filter((space) => space.space_used_size > 8 * 1024 * 1024)
    .map((space) => `${space.space_name.replace(/_space$/, '')} ${mb(space.space_used_size)}`)
    .join(', ');

const main = async () => {
  const sink = await startSink();
  const env = {
    REDIS_URL: redisUrl,
    CAMPAIGNS_REDIS_PREFIX: prefix,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    CAMPAIGNS_RATE: '100000',
    CAMPAIGNS_SIGNING_SECRET: SECRET,
    CAMPAIGNS_PUBLIC_URL: 'https://news.example.com',
    CAMPAIGNS_SEND_CONCURRENCY: process.env.CAMPAIGNS_SEND_CONCURRENCY || '10',
    CAMPAIGNS_BATCH_SIZE: process.env.CAMPAIGNS_BATCH_SIZE || '100',
  };
  // Which plugin build this run measured: the tree may be rebuilt between two runs of a benchmark.
  const distFile = path.join(__dirname, '../../dist/server/index.js');
  const build = `${createHash('sha1').update(fs.readFileSync(distFile)).digest('hex').slice(0, 10)} of ${fs.statSync(distFile).mtime.toISOString().slice(0, 19)}`;
  const bootStarted = performance.now();
  const app = await bootPlayground(client, env);
  const { strapi } = app;
  const sqliteFile = process.env.DATABASE_FILENAME;
  try {
    const plugin = strapi.plugin('campaigns');
    const bootMs = performance.now() - bootStarted;
    let journal = '';
    let label = client;
    if (client === 'sqlite') {
      const [{ journal_mode: mode }] = await strapi.db.connection.raw('PRAGMA journal_mode');
      const [{ synchronous }] = await strapi.db.connection.raw('PRAGMA synchronous');
      journal = `, journal_mode ${mode}, synchronous ${['OFF', 'NORMAL', 'FULL', 'EXTRA'][synchronous]}`;
      if (mode === 'wal') label = 'sqlite-wal';
    }
    let started = performance.now();
    await seed(strapi);
    console.log(
      `${label}${journal}, plugin build ${build}: booted in ${(bootMs / 1000).toFixed(1)} s; seeded ${CONTACTS.toLocaleString('en')} contacts in ${((performance.now() - started) / 1000).toFixed(1)} s`
    );

    const rules = { match: 'all', rules: [{ field: 'attribute', path: 'batch', operator: 'eq', value: TAG }] };
    const segment = await plugin.service('segments').create({ name: 'Bench readers', rules });
    const audience = await plugin.service('segments').countRules(rules);
    if (audience !== CONTACTS) throw new Error(`the segment selects ${audience} contacts, not ${CONTACTS}`);
    const campaign = await plugin.service('campaigns').create({
      name: 'Bench: autumn newsletter',
      subject: 'Autumn news for {{ contact.firstName | default: "you" }}',
      preheader: 'Three new single origins and a brewing guide',
      fromName: 'Northwind Coffee',
      fromEmail: 'news@example.com',
      replyTo: 'hello@example.com',
      contentFormat: 'mjml',
      content: fs.readFileSync(path.join(__dirname, 'newsletter.mjml'), 'utf8'),
      segment: segment.documentId,
    });
    if (process.env.BENCH_SAMPLE) sink.keepNext(process.env.BENCH_SAMPLE);

    global.gc?.();
    const stopStatements = process.env.BENCH_STATEMENTS === '1' ? statementTimer(strapi) : null;
    const stopProfile = process.env.BENCH_PROFILE_FILE ? await startProfile() : null;
    const rssBefore = process.memoryUsage().rss;
    const rss = sampleRss();
    let heapPeak = 0;
    const heapSampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }, 100);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpuFrom = process.cpuUsage();
    const sinkFrom = await sink.stats();
    started = performance.now();
    await plugin.service('sending').sendNow(campaign.documentId);
    let progress;
    let lastReport = started;
    const deadline = started + Number(process.env.BENCH_TIMEOUT_S || 900) * 1000;
    for (;;) {
      progress = await plugin.service('sending').progress(campaign.documentId);
      if (progress.state !== 'sending') break;
      const now = performance.now();
      if (now > deadline) throw new Error(`timed out; progress ${JSON.stringify(progress)}`);
      if (now - lastReport >= 10_000) {
        lastReport = now;
        console.log(
          `  ${((now - started) / 1000).toFixed(0).padStart(4)} s: sent ${progress.sent}, queued ${progress.queued}, sending ${progress.sending}${progress.dispatching ? ', dispatching' : ''}, RSS ${mb(process.memoryUsage().rss)} MB, ${heapSpaces()}`
        );
      }
      await sleep(500);
    }
    const wallMs = performance.now() - started;
    const appCpuMs = cpuMsSince(cpuFrom);
    const peak = rss.stop();
    clearInterval(heapSampler);
    loop.disable();
    if (stopProfile) await stopProfile(process.env.BENCH_PROFILE_FILE);
    const statements = stopStatements?.();
    const sinkTo = await sink.stats();
    const record = await strapi.db
      .connection('campaigns_sends')
      .where({
        campaign_id: (await strapi.db.query('plugin::campaigns.campaign').findOne({ where: { documentId: campaign.documentId } })).id,
      })
      .first();
    const received = sinkTo.messages - sinkFrom.messages;
    const bytes = sinkTo.bytes - sinkFrom.bytes;
    const serverMs = Number(record.finished_at) - Number(record.started_at);
    const dispatchMs = Number(record.dispatched_at) - Number(record.started_at);
    const rate = Math.round(CONTACTS / (wallMs / 1000));

    if (progress.state !== 'sent') console.log(`  the campaign ended ${progress.state}: ${JSON.stringify(progress)}`);
    console.log(
      `  deliveries: sent ${progress.sent}, failed ${progress.failed}, unknown ${progress.unknown}, suppressed ${progress.suppressed}, queued ${progress.queued}`
    );
    console.log(
      `  sink: ${received.toLocaleString('en')} messages${received === CONTACTS ? ' (exactly the audience)' : ` (EXPECTED ${CONTACTS.toLocaleString('en')})`}, ${(bytes / received / 1024).toFixed(1)} KB each, ${mb(bytes)} MB in all, over ${sinkTo.connections - sinkFrom.connections} connections`
    );
    console.log(
      `  concurrency ${env.CAMPAIGNS_SEND_CONCURRENCY} jobs x batch ${env.CAMPAIGNS_BATCH_SIZE}: dispatched in ${(dispatchMs / 1000).toFixed(1)} s, sendNow to sent ${(wallMs / 1000).toFixed(1)} s (server's own start to finish ${(serverMs / 1000).toFixed(1)} s)`
    );
    console.log(
      `  CPU during the send: app ${((appCpuMs / wallMs) * 100).toFixed(0)}% of a core (${(appCpuMs / CONTACTS).toFixed(2)} ms a message), sink ${(((sinkTo.cpuMs - sinkFrom.cpuMs) / wallMs) * 100).toFixed(0)}% (${((sinkTo.cpuMs - sinkFrom.cpuMs) / CONTACTS).toFixed(2)} ms); event loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`
    );
    global.gc?.();
    const heapAfterGc = global.gc ? `, heap after the send and a full GC ${mb(process.memoryUsage().heapUsed)} MB` : '';
    console.log(
      `  RSS before sendNow ${mb(rssBefore)} MB, peak while sending ${mb(peak)} MB; peak heap used ${mb(heapPeak)} MB${heapAfterGc} (${os.cpus().length} cores, node ${process.version}, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`
    );
    if (statements) {
      const total = statements.reduce((sum, [, e]) => sum + e.ms, 0);
      console.log(
        `  database statements: ${statements.reduce((sum, [, e]) => sum + e.count, 0).toLocaleString('en')}, ${(total / 1000).toFixed(1)} s summed (concurrent ones overlap)`
      );
      for (const [kind, e] of statements.slice(0, 10))
        console.log(`    ${String(Math.round(e.ms)).padStart(7)} ms ${String(e.count).padStart(7)}x  ${kind}`);
    }
    const result = {
      db: label,
      contacts: CONTACTS,
      rate,
      wallMs: Math.round(wallMs),
      serverMs,
      dispatchMs,
      build,
      bytesPerMessage: Math.round(bytes / received),
      peakRssMb: mb(peak),
      peakHeapMb: mb(heapPeak),
      rssBeforeMb: mb(rssBefore),
      received,
      bytes,
      state: progress.state,
      sent: progress.sent,
      concurrency: Number(env.CAMPAIGNS_SEND_CONCURRENCY),
      batchSize: Number(env.CAMPAIGNS_BATCH_SIZE),
      appCpu: appCpuMs / wallMs,
      appCpuMsPerMessage: appCpuMs / CONTACTS,
      sinkCpu: (sinkTo.cpuMs - sinkFrom.cpuMs) / wallMs,
    };
    if (process.env.BENCH_RESULT) fs.writeFileSync(process.env.BENCH_RESULT, JSON.stringify(result));
    console.log(
      `e2e ${label}: ${rate} msg/s for ${CONTACTS} contacts, dispatch ${(dispatchMs / 1000).toFixed(1)} s, peak RSS ${mb(peak)} MB, sink received ${received}/${CONTACTS}`
    );
  } finally {
    await app.close().catch((error) => console.error(`cleanup: ${error.message}`));
    if (sqliteFile) for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(sqliteFile + suffix, { force: true });
    await deleteRedisPrefix(redisUrl, prefix).catch((error) => console.error(`redis cleanup: ${error.message}`));
    await sink.close();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
