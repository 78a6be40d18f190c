'use strict';

/**
 * The contacts page's bulk actions on 1,000 contacts (the most one request takes), through the
 * plugin's real service, the one `POST /campaigns/contacts/bulk` calls. The contacts sit among a
 * background audience whose members fill the same topic, as on a site that has lived a while.
 * Each round makes 1,000 fresh contacts, half of them in topic A, then runs addTopics [A, B],
 * removeTopics [A], unsubscribe and delete on them; each action's median over the rounds is printed.
 *
 *   node bench/audience/bulk.js [rounds] [background contacts]      (defaults 3 and 20000)
 *
 * BENCH_DATABASE=postgres|mysql runs it on a scratch database of that server; SQLite in a
 * temporary file otherwise. The last line is the summary.
 */
const os = require('node:os');
const { createHash, randomBytes } = require('node:crypto');
const { bootPlayground, median } = require('../lib/boot');

const CONTACT = 'plugin::campaigns.contact';
const ROUNDS = Number(process.argv[2] || 3);
const BACKGROUND = Number(process.argv[3] || 20_000);
const SELECTED = 1000;
const BATCH = 500;
const ACTIONS = ['addTopics', 'removeTopics', 'unsubscribe', 'delete'];

const hash = (email) => createHash('sha256').update(email).digest('hex');
const documentId = () => randomBytes(12).toString('hex').slice(0, 24);

/** Contacts as the document service writes them, the ones of `inTopic` linked to it at the end of its list. */
const insertContacts = async (strapi, emails, inTopic, topicId) => {
  const meta = strapi.db.metadata.get(CONTACT);
  const join = meta.attributes.topics.joinTable;
  const knex = strapi.db.connection;
  const now = new Date();
  const ids = [];
  await knex.transaction(async (trx) => {
    const last = await trx(join.name).where(join.inverseJoinColumn.name, topicId).max({ max: join.inverseOrderColumnName }).first();
    let position = Number(last?.max ?? 0);
    for (let at = 0; at < emails.length; at += BATCH) {
      const chunk = emails.slice(at, at + BATCH);
      const rows = chunk.map((email) => ({
        document_id: documentId(),
        email,
        email_hash: hash(email),
        state: 'subscribed',
        state_changed_at: now,
        consent: JSON.stringify({ source: 'bench', at: now.toISOString(), ip: null, text: null }),
        created_at: now,
        updated_at: now,
        published_at: now,
      }));
      for (let i = 0; i < rows.length; i += 100) await trx(meta.tableName).insert(rows.slice(i, i + 100));
      const found = await trx(meta.tableName).select('id', 'email').whereIn('email', chunk);
      const byEmail = new Map(found.map((r) => [r.email, Number(r.id)]));
      const links = [];
      chunk.forEach((email, i) => {
        const id = byEmail.get(email);
        ids.push(id);
        if (inTopic(at + i)) {
          position += 1;
          links.push({
            [join.joinColumn.name]: id,
            [join.inverseJoinColumn.name]: topicId,
            [join.orderColumnName]: 1,
            [join.inverseOrderColumnName]: position,
          });
        }
      });
      for (let i = 0; i < links.length; i += 100) await trx(join.name).insert(links.slice(i, i + 100));
    }
  });
  return ids;
};

const main = async () => {
  const client = process.env.BENCH_DATABASE || 'sqlite';
  const app = await bootPlayground(client);
  const { strapi } = app;
  try {
    const plugin = strapi.plugin('campaigns');
    const [topicA, topicB] = await Promise.all(['News', 'Offers'].map((name) => plugin.service('topics').create({ name })));
    const topicAId = (
      await strapi.db.query('plugin::campaigns.topic').findOne({ where: { documentId: topicA.documentId }, select: ['id'] })
    ).id;
    console.log(`machine: ${os.cpus().length} cores, node ${process.version}, database ${strapi.db.dialect.client}`);
    await insertContacts(
      strapi,
      Array.from({ length: BACKGROUND }, (_, i) => `background${i}@example.com`),
      () => true,
      topicAId
    );
    console.log(`background: ${BACKGROUND} contacts in topic A`);

    const samples = Object.fromEntries(ACTIONS.map((action) => [action, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      const emails = Array.from({ length: SELECTED }, (_, i) => `round${round}-${i}@example.com`);
      const ids = await insertContacts(strapi, emails, (i) => i % 2 === 0, topicAId);
      const rows = await strapi.db.query(CONTACT).findMany({ where: { id: { $in: ids } }, select: ['documentId'] });
      const documentIds = rows.map((r) => r.documentId);
      const inputs = {
        addTopics: { action: 'addTopics', documentIds, topics: [topicA.documentId, topicB.documentId] },
        removeTopics: { action: 'removeTopics', documentIds, topics: [topicA.documentId] },
        unsubscribe: { action: 'unsubscribe', documentIds },
        delete: { action: 'delete', documentIds },
      };
      const line = [];
      for (const action of ACTIONS) {
        const started = performance.now();
        const result = await plugin.service('contactBulk').run(inputs[action]);
        const ms = performance.now() - started;
        samples[action].push(ms);
        line.push(`${action} ${Math.round(ms)} ms (changed ${result.changed})`);
      }
      console.log(`round ${round + 1}: ${line.join(', ')}`);
    }
    const medians = ACTIONS.map((action) => `${action} ${Math.round(median(samples[action]))}`);
    console.log(`bulk (${SELECTED} contacts, ${client}, median ms): ${medians.join(', ')}`);
  } finally {
    await app.close();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
