'use strict';

/**
 * The dispatch half of bench:experiments: the same audience dispatched by a campaign with a
 * 4-variant A/B test (every contact assigned by the keyed hash, testShare 100 so both make as many
 * deliveries) and by the same campaign without one, on SQLite. The real engine.dispatch runs:
 * keyset pages, the deliveries' inserts, the send jobs added to Redis, the cursor; no worker runs
 * in this process (workerMode dedicated), so nothing is sent. Each is run BENCH_DISPATCH_ROUNDS (3)
 * times, alternately, on fresh campaigns; the medians are compared.
 *
 *   node bench/experiments/dispatch.js [contacts]   (20,000 by default)
 *
 * Prints `dispatch: with variants <R> of plain (<V> vs <P> contacts/s)`; BENCH_RESULT gets { ratio, ... }.
 */
const { bootPlaygroundOnRedis, median } = require('../lib/boot');
const { runMain, writeResult } = require('../lib/run');
const { insertContacts } = require('../lib/seed');

const ROOT = Symbol.for('strapi-plugin-campaigns.root');
const CONTACTS = Number(process.argv[2] || process.env.BENCH_DISPATCH_CONTACTS || 20_000);
const ROUNDS = Number(process.env.BENCH_DISPATCH_ROUNDS || 3);
const VARIANTS = ['A', 'B', 'C', 'D'].map((key) => ({ key, name: `Variant ${key}`, subject: `Subject ${key}` }));

runMain(async () => {
  const app = await bootPlaygroundOnRedis('sqlite', 'experiments-dispatch', { CAMPAIGNS_WORKER_MODE: 'dedicated' });
  try {
    const { strapi } = app;
    const { running } = strapi[ROOT];
    const knex = strapi.db.connection;
    await knex.transaction((trx) => insertContacts(trx, CONTACTS, { tag: 'abd', emailOf: (i) => `reader${i}@dispatch.example` }));
    const rules = { match: 'all', rules: [] };

    /** One campaign's whole dispatch, timed: contacts per second. */
    const dispatchRate = async (withVariants, round) => {
      const campaign = await strapi.db.query('plugin::campaigns.campaign').create({
        data: { name: `Dispatch ${withVariants ? 'variants' : 'plain'} ${round}`, subject: 'Plain', fromEmail: 'news@example.com' },
      });
      if (withVariants) {
        await strapi.db.query('plugin::campaigns.experiment').create({
          data: { campaign: campaign.id, variants: VARIANTS, testShare: 100, state: 'testing', metric: 'click', waitMinutes: 60 },
        });
      }
      await running.lifecycle.take(campaign.id, 'send', (trx) => running.records.begin(trx, campaign.id, rules, Date.now()));
      const started = process.hrtime.bigint();
      await running.engine.dispatch(campaign.id);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const rows = await knex('campaigns_deliveries').where({ campaign_id: campaign.id }).count({ n: '*' });
      if (Number(rows[0].n) !== CONTACTS) throw new Error(`dispatched ${rows[0].n} of ${CONTACTS} contacts`);
      if (withVariants) {
        const variants = await knex('campaigns_deliveries').where({ campaign_id: campaign.id }).distinct('variant');
        if (variants.length !== VARIANTS.length) throw new Error(`deliveries in ${variants.length} variants, not ${VARIANTS.length}`);
      }
      // The next round starts from an empty send queue, as a real dispatch would.
      await running.queues.send.obliterate({ force: true });
      const rate = CONTACTS / (ms / 1000);
      console.log(`  ${withVariants ? 'with 4 variants' : 'plain          '}: ${Math.round(ms)} ms, ${Math.round(rate)} contacts/s`);
      return rate;
    };

    console.log(`dispatching ${CONTACTS.toLocaleString('en')} contacts on SQLite, ${ROUNDS} rounds each`);
    const plain = [];
    const variants = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      plain.push(await dispatchRate(false, round));
      variants.push(await dispatchRate(true, round));
    }
    const ratio = median(variants) / median(plain);
    writeResult({ contacts: CONTACTS, plainPerSecond: median(plain), variantsPerSecond: median(variants), ratio });
    console.log(
      `dispatch: with variants ${ratio.toFixed(2)} of plain (${Math.round(median(variants))} vs ${Math.round(median(plain))} contacts/s)`
    );
  } finally {
    await app.close();
  }
});
