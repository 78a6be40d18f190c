'use strict';

/**
 * The audience-source backfill of users-permissions users that no lifecycle saw (written with
 * lifecycles off, as raw SQL or an import would be), through the plugin's real service: the
 * first run creates a contact per user, the second finds nothing to change.
 *
 *   node bench/audience/backfill.js [users]      (default 10000)
 *
 * BENCH_DATABASE=postgres|mysql runs it on a scratch database of that server; SQLite in a
 * temporary file otherwise. The last line is the summary.
 */
const os = require('node:os');
const { bootPlayground } = require('../lib/boot');

const USER = 'plugin::users-permissions.user';
const USERS = Number(process.argv[2] || 10_000);
const BATCH = 500;
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'UTC'];

const main = async () => {
  const client = process.env.BENCH_DATABASE || 'sqlite';
  const app = await bootPlayground(client, { CAMPAIGNS_SOURCE_USERS: 'true', CAMPAIGNS_SOURCE_USERS_TOPICS: 'members' });
  const { strapi } = app;
  try {
    await strapi.plugin('campaigns').service('topics').create({ name: 'Members' });
    console.log(`machine: ${os.cpus().length} cores, node ${process.version}, database ${strapi.db.dialect.client}`);
    strapi.db.lifecycles.disable();
    for (let at = 0; at < USERS; at += BATCH) {
      const data = Array.from({ length: Math.min(BATCH, USERS - at) }, (_, i) => ({
        username: `user${at + i}`,
        email: `user${at + i}@example.com`,
        provider: 'local',
        confirmed: true,
        firstName: `First${at + i}`,
        lastName: `Last${at + i}`,
        language: 'en',
        timeZone: ZONES[(at + i) % ZONES.length],
      }));
      await strapi.db.query(USER).createMany({ data });
    }
    strapi.db.lifecycles.enable();
    console.log(`users: ${USERS}, none mirrored yet`);

    const backfill = () => strapi.plugin('campaigns').service('audienceSources').backfill();
    let started = performance.now();
    const first = await backfill();
    const firstMs = performance.now() - started;
    console.log(`first run: ${Math.round(firstMs)} ms ${JSON.stringify({ ...first, sources: undefined })}`);
    started = performance.now();
    const second = await backfill();
    const secondMs = performance.now() - started;
    console.log(`second run: ${Math.round(secondMs)} ms ${JSON.stringify({ ...second, sources: undefined })}`);
    console.log(
      `backfill (${USERS} users, ${client}): first run ${Math.round(USERS / (firstMs / 1000))} entries/s, second run ${Math.round(USERS / (secondMs / 1000))} entries/s`
    );
  } finally {
    await app.close();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
