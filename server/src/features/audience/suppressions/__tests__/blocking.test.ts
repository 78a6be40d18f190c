import knexFactory, { type Knex } from 'knex';
import { blockingSuppressions, type SuppressionTables } from '../blocking';

/** The subquery dispatch and the send re-check share, run against SQLite: which addresses each campaign topic may mail. */
let knex: Knex;
const tables: SuppressionTables = {
  suppressions: 'suppressions',
  topicLinks: { table: 'suppressions_topic_lnk', suppressionColumn: 'suppression_id', topicColumn: 'topic_id' },
};
const NOW = new Date('2026-12-05T12:00:00Z');
const TOPIC_NEWS = 1;
const TOPIC_OFFERS = 2;

beforeAll(async () => {
  knex = knexFactory({ client: 'better-sqlite3', useNullAsDefault: true, connection: { filename: ':memory:' } });
  await knex.schema.createTable('contacts', (t) => {
    t.increments('id');
    t.string('email_hash');
  });
  await knex.schema.createTable('suppressions', (t) => {
    t.increments('id');
    t.string('email_hash');
    t.string('scope');
    t.datetime('expires_at').nullable();
  });
  await knex.schema.createTable('suppressions_topic_lnk', (t) => {
    t.integer('suppression_id');
    t.integer('topic_id');
  });
  await knex('contacts').insert(
    ['global', 'news', 'offers', 'expired-global', 'expired-news', 'clean'].map((email_hash) => ({ email_hash }))
  );
  const suppress = async (email_hash: string, scope: string, topic: number | null, expires_at: Date | null = null) => {
    const [id] = await knex('suppressions').insert({ email_hash, scope, expires_at });
    if (topic !== null) await knex('suppressions_topic_lnk').insert({ suppression_id: id, topic_id: topic });
  };
  await suppress('global', 'global', null);
  await suppress('news', 'topic', TOPIC_NEWS);
  await suppress('offers', 'topic', TOPIC_OFFERS);
  await suppress('expired-global', 'global', null, new Date(NOW.getTime() - 1000));
  await suppress('expired-news', 'topic', TOPIC_NEWS, new Date(NOW.getTime() - 1000));
});
afterAll(() => knex.destroy());

const mailable = async (topicId: number | null) => {
  const rows: Array<{ email_hash: string }> = await knex('contacts as c')
    .select('c.email_hash')
    .whereNotExists(blockingSuppressions(knex, tables, 'c.email_hash', { topicId, now: NOW }))
    .orderBy('c.id');
  return rows.map((r) => r.email_hash);
};

test('a campaign without a topic skips only global suppressions', async () => {
  expect(await mailable(null)).toEqual(['news', 'offers', 'expired-global', 'expired-news', 'clean']);
});

test("a campaign of a topic skips global suppressions and its own topic's, and mails the other topic's", async () => {
  expect(await mailable(TOPIC_NEWS)).toEqual(['offers', 'expired-global', 'expired-news', 'clean']);
  expect(await mailable(TOPIC_OFFERS)).toEqual(['news', 'expired-global', 'expired-news', 'clean']);
});

test('an expired suppression, global or topic-scoped, stops counting', async () => {
  expect(await mailable(TOPIC_NEWS)).toEqual(expect.arrayContaining(['expired-global', 'expired-news']));
});
