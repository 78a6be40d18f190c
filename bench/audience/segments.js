'use strict';

/**
 * Segment count and keyset page over a large audience, through the plugin's real segment service
 * (the one SQL query editors' segments compile to). Usage: node segments.js <sqlite|postgres> [contacts]
 * Prints its figures, then one line: `segments: count <A> ms, page <B> ms at <N> contacts (<db>)`.
 */
const { createHash } = require('node:crypto');
const { bootPlayground, median } = require('../lib/boot');

const client = process.argv[2] || 'sqlite';
const CONTACTS = Number(process.argv[3] || 1_000_000);
const SUPPRESSIONS = Math.round(CONTACTS / 20);
const BATCH = 500; // knex on SQLite refuses more than 500 rows in one INSERT
const LOCALES = ['en', 'en-GB', 'fr', 'fr-CA', 'de', 'es', 'it', 'nl', 'pt-BR', 'pl'];
const PLANS = ['free', 'free', 'free', 'pro', 'team'];
const STATES = [
  'subscribed',
  'subscribed',
  'subscribed',
  'subscribed',
  'subscribed',
  'subscribed',
  'subscribed',
  'subscribed',
  'unsubscribed',
  'bounced',
];

const hash = (email) => createHash('sha256').update(email.toLowerCase()).digest('hex');
const email = (i) => `person${i}@example${i % 7}.com`;

const fill = async (strapi) => {
  const knex = strapi.db.connection;
  const now = new Date();
  let started = performance.now();
  for (let from = 0; from < CONTACTS; from += BATCH * 20) {
    await knex.transaction(async (trx) => {
      for (let at = from; at < Math.min(from + BATCH * 20, CONTACTS); at += BATCH) {
        const rows = [];
        for (let i = at; i < Math.min(at + BATCH, CONTACTS); i += 1) {
          rows.push({
            document_id: `bench${i.toString(36).padStart(19, '0')}`,
            email: email(i),
            email_hash: hash(email(i)),
            first_name: `First${i % 997}`,
            state: STATES[i % STATES.length],
            locale: LOCALES[i % LOCALES.length],
            attributes: JSON.stringify({ plan: PLANS[i % PLANS.length], orders: i % 50 }),
            created_at: now,
            updated_at: now,
            published_at: now,
          });
        }
        await trx('campaigns_contacts').insert(rows);
      }
    });
  }
  console.log(`filled ${CONTACTS.toLocaleString()} contacts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  await knex.transaction(async (trx) => {
    for (let at = 0; at < SUPPRESSIONS; at += BATCH) {
      const rows = [];
      for (let n = at; n < Math.min(at + BATCH, SUPPRESSIONS); n += 1) {
        const i = n * 20 + 3; // spread over the audience
        rows.push({
          document_id: `supp${n.toString(36).padStart(20, '0')}`,
          email: email(i),
          email_hash: hash(email(i)),
          reason: 'hard-bounce',
          scope: 'global',
          created_at: now,
          updated_at: now,
          published_at: now,
        });
      }
      await trx('campaigns_suppressions').insert(rows);
    }
  });
  console.log(`filled ${SUPPRESSIONS.toLocaleString()} suppressions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Fresh statistics, as a database that has lived with its data would have.
  await knex.raw('ANALYZE');
};

const time = async (work, runs = 5) => {
  const samples = [];
  let result;
  for (let n = 0; n < runs; n += 1) {
    const started = performance.now();
    result = await work();
    samples.push(performance.now() - started);
  }
  return { ms: median(samples), result };
};

const main = async () => {
  const app = await bootPlayground(client);
  try {
    await fill(app.strapi);
    const segments = app.strapi.plugin('campaigns').service('segments');
    const cases = {
      everyone: { match: 'all', rules: [] },
      'French pro (locale + JSON attribute)': {
        match: 'all',
        rules: [
          { field: 'locale', operator: 'startsWith', value: 'fr' },
          { field: 'attribute', path: 'plan', operator: 'eq', value: 'pro' },
        ],
      },
    };
    let worst = { count: 0, page: 0 };
    for (const [name, rules] of Object.entries(cases)) {
      const count = await time(() => segments.countRules(rules));
      const first = await time(() => segments.pageRules(rules, { limit: 1000 }));
      const middleId = Math.floor(CONTACTS / 2);
      const middle = await time(() => segments.pageRules(rules, { after: middleId, limit: 1000 }));
      console.log(
        `${client} ${name}: count ${count.result.toLocaleString()} in ${count.ms.toFixed(0)} ms; first page of ${first.result.length} in ${first.ms.toFixed(1)} ms; page after id ${middleId} in ${middle.ms.toFixed(1)} ms`
      );
      worst = { count: Math.max(worst.count, count.ms), page: Math.max(worst.page, first.ms, middle.ms) };
    }
    console.log(`segments: count ${worst.count.toFixed(0)} ms, page ${worst.page.toFixed(1)} ms at ${CONTACTS} contacts (${client})`);
  } finally {
    await app.close();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
