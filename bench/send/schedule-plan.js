'use strict';

/**
 * Plans a recipient-local campaign over a large audience as its dispatch does, without sending:
 * the audience counted by zone (one GROUP BY), then every keyset page of it given its instants,
 * the plan's state serialised after each page as the dispatch saves it with its cursor. The
 * contacts go straight into a fresh SQLite database of the built playground, spread evenly over
 * BENCH_PLAN_ZONES (300) zones.
 *
 *   node --expose-gc bench/send/schedule-plan.js [contacts]   (1,000,000 by default)
 *
 * Prints `schedule: plan <T> ms for <N> contacts, peak RSS <M> MB` (peak while planning, sampled).
 */
const { bootPlaygroundOnRedis } = require('../lib/boot');
const { runMain, writeResult } = require('../lib/run');
const { insertContacts } = require('../lib/seed');

const ROOT = Symbol.for('strapi-plugin-campaigns.root');
const CONTACTS = Number(process.argv[2] || process.env.BENCH_PLAN_CONTACTS || 1_000_000);
const ZONE_COUNT = Number(process.env.BENCH_PLAN_ZONES || 300);
const PAGE = 1000;
const mb = (bytes) => Math.round(bytes / 1024 / 1024);

/** ZONE_COUNT zones picked evenly from the ones this Node knows, so the waves cover every offset. */
const zones = () => {
  const all = Intl.supportedValuesOf('timeZone');
  if (all.length < ZONE_COUNT) throw new Error(`this Node knows ${all.length} time zones, fewer than ${ZONE_COUNT}`);
  return Array.from({ length: ZONE_COUNT }, (_, i) => all[Math.floor((i * all.length) / ZONE_COUNT)]);
};

runMain(async () => {
  const app = await bootPlaygroundOnRedis('sqlite', 'schedule-plan');
  try {
    const { strapi } = app;
    const root = strapi[ROOT];
    const picked = zones();
    const seeded = Date.now();
    await strapi.db.connection.transaction((trx) =>
      insertContacts(trx, CONTACTS, {
        tag: 'plan',
        emailOf: (i) => `reader${i}@plan.example`,
        timezoneOf: (i) => picked[i % picked.length],
      })
    );
    console.log(`seeded ${CONTACTS.toLocaleString('en')} contacts over ${picked.length} zones in ${Date.now() - seeded} ms`);

    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const campaign = await strapi.db.query('plugin::campaigns.campaign').create({
      data: { name: 'Plan bench', schedule: { mode: 'recipient-local', date: tomorrow, time: '09:00', timezone: 'Europe/Paris' } },
    });
    const rules = { match: 'all', rules: [] };

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = process.hrtime.bigint();
    const made = await root.running.plans.planFor(campaign.id, rules);
    const countedMs = Number(process.hrtime.bigint() - started) / 1e6;
    const plan = root.running.plans.open(made);
    let placed = 0;
    let saved = 0;
    // The audience's pages are the dispatch's own cost; placing them is the plan's.
    let placingNs = 0n;
    for (let after = 0; ;) {
      const page = await root.audience.pageRules(rules, { after, limit: PAGE });
      if (!page.length) break;
      const placing = process.hrtime.bigint();
      const due = plan.place(page);
      saved = JSON.stringify(plan.state()).length;
      placingNs += process.hrtime.bigint() - placing;
      placed += due.length;
      after = page[page.length - 1].id;
    }
    const planMs = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (placed !== CONTACTS) throw new Error(`planned ${placed} of ${CONTACTS} contacts`);

    const waves = plan.state().waves;
    console.log(
      `counted by zone in ${Math.round(countedMs)} ms; ${waves.length} waves from ${new Date(waves[0].at).toISOString()} to ${new Date(waves[waves.length - 1].at).toISOString()}; ` +
        `placing the pages took ${Math.round(Number(placingNs) / 1e6)} ms, reading them the rest; the saved plan is ${saved} bytes; RSS ${mb(rssBefore)} MB before planning`
    );
    const figures = {
      placingMs: Math.round(Number(placingNs) / 1e6),
      contacts: CONTACTS,
      zones: picked.length,
      planMs: Math.round(planMs),
      countedMs: Math.round(countedMs),
      peakRssMb: mb(peak),
      rssBeforeMb: mb(rssBefore),
      waves: waves.length,
    };
    writeResult(figures);
    console.log(`schedule: plan ${figures.planMs} ms for ${CONTACTS} contacts, peak RSS ${figures.peakRssMb} MB`);
  } finally {
    await app.close();
  }
});
