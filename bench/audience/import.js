'use strict';

/**
 * Imports a generated CSV through the real import job: the built playground booted in this process
 * (workers in-process, as in the tests), real Redis, a fresh database. Prints the job's throughput,
 * the process's peak RSS (sampled every 100 ms while the job runs) and the time the database spent
 * on each kind of statement; the last line is the summary.
 *
 *   node --expose-gc bench/audience/import.js [rows]      (default 200000; npm run bench:import)
 *
 * BENCH_DATABASE=postgres|mysql runs it on a scratch database of that server (DATABASE_* / PG* /
 * MYSQL_* variables as the tests read them); SQLite in a temporary file otherwise.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { bootPlaygroundOnRedis } = require('../lib/boot');

const ROWS = Number(process.argv[2] || 200_000);
const mb = (bytes) => Math.round(bytes / (1024 * 1024));

/** Realistic rows: a few time zones and locales, two attributes, 0.5% invalid and 0.5% repeated addresses. */
const writeCsv = (file, rows) => {
  const zones = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'UTC', ''];
  const locales = ['fr', 'en-US', 'ja', 'de', ''];
  const out = fs.openSync(file, 'w');
  let chunk = 'Email,First name,Last name,Time zone,Language,Plan,Signup\n';
  for (let i = 0; i < rows; i += 1) {
    const email = i % 200 === 13 ? `broken-${i}.example.com` : i % 200 === 17 ? `person${i - 5}@example.com` : `person${i}@example.com`;
    chunk += `${email},First${i},"Last, ${i}",${zones[i % 5]},${locales[i % 5]},plan${i % 4},2024-0${1 + (i % 9)}-1${i % 10}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
};

const main = async () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const csv = path.join(scratch, 'contacts.csv');
  writeCsv(csv, ROWS);
  const size = fs.statSync(csv).size;
  const booted = await bootPlaygroundOnRedis(process.env.BENCH_DATABASE || 'sqlite', 'import', {
    CAMPAIGNS_IMPORT_MAX_FILE_BYTES: String(2 ** 31),
  });
  const app = booted.strapi;
  try {
    const plugin = app.plugin('campaigns');
    const topics = await Promise.all(['News', 'Offers'].map((name) => plugin.service('topics').create({ name })));
    console.log(`machine: ${os.cpus().length} cores, node ${process.version}, database ${app.db.dialect.client}`);
    console.log(`file: ${ROWS} rows, ${mb(size)} MB`);

    // Time per kind of statement, from knex's query events (they cover transactions too).
    const statements = new Map();
    const started = new Map();
    app.db.connection.on('query', (q) => started.set(q.__knexQueryUid, process.hrtime.bigint()));
    app.db.connection.on('query-response', (_response, q) => {
      const from = started.get(q.__knexQueryUid);
      if (from === undefined) return;
      started.delete(q.__knexQueryUid);
      const kind = q.sql
        .replace(/\s+/g, ' ')
        .slice(0, 48)
        .replace(/ \(.*$| where .*$| values .*$/, '');
      const entry = statements.get(kind) || { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += Number(process.hrtime.bigint() - from) / 1e6;
      statements.set(kind, entry);
    });

    const mapping = {
      Email: 'email',
      'First name': 'firstName',
      'Last name': 'lastName',
      'Time zone': 'timezone',
      Language: 'locale',
      Plan: 'attribute:plan',
      Signup: 'attribute:signup',
    };
    /** One import of the file through the service and its job; prints what it cost and answers the figures. */
    const importOnce = async (label, options) => {
      statements.clear();
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 100);
      // The service moves the upload into its folder, as it does with the body parser's temporary file.
      const upload = path.join(scratch, 'upload.csv');
      fs.copyFileSync(csv, upload);
      const begin = Date.now();
      const created = await plugin.service('imports').create({ path: upload, name: 'contacts.csv', size }, options, null);
      let current = created;
      // Polled like the admin page would; the job's own start and end times give the rate.
      while (current.state !== 'done' && current.state !== 'failed') {
        await new Promise((resolve) => setTimeout(resolve, 250));
        current = await plugin.service('imports').findOne(created.id);
      }
      const wall = Date.now() - begin;
      clearInterval(sampler);
      if (current.state !== 'done') throw new Error(`import failed: ${current.error}`);
      const jobMs = Date.parse(current.finishedAt) - Date.parse(current.startedAt);
      console.log(`${label}: counters ${JSON.stringify(current.counters)}`);
      const byStatement = [...statements].sort((a, b) => b[1].ms - a[1].ms);
      const databaseMs = byStatement.reduce((sum, [, e]) => sum + e.ms, 0);
      for (const [kind, e] of byStatement.slice(0, 6))
        console.log(`  db ${String(Math.round(e.ms)).padStart(6)} ms ${String(e.count).padStart(5)}x  ${kind}`);
      console.log(
        `  job: ${(jobMs / 1000).toFixed(1)} s, of which database statements ${(databaseMs / 1000).toFixed(1)} s (upload to done: ${(wall / 1000).toFixed(1)} s)`
      );
      console.log(`  RSS before ${mb(baseline)} MB, peak ${mb(peak)} MB`);
      // With --expose-gc (npm run bench:import): what the process still holds once garbage is collected.
      if (global.gc) {
        global.gc();
        console.log(`  heap after the import and a full GC: ${mb(process.memoryUsage().heapUsed)} MB`);
      }
      return { rate: Math.round(ROWS / (jobMs / 1000)), peak };
    };

    const consent = { source: 'benchmark', text: 'Yes' };
    const fresh = await importOnce('new contacts', { mapping, topics: topics.map((t) => t.documentId), consent });
    // The same file again over the contacts it made: every row updates one (a list re-imported with changes).
    const again = await importOnce('updateExisting', { mapping, updateExisting: true, consent });
    console.log(`updateExisting: ${again.rate} rows/s, peak RSS ${mb(again.peak)} MB`);
    console.log(`import: ${fresh.rate} rows/s, peak RSS ${mb(fresh.peak)} MB`);
  } finally {
    await booted.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
