import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';

const CONTACT = 'plugin::campaigns.contact';
const TOPIC = 'plugin::campaigns.topic';

const { strapi, token, auth, api, service } = useGroupApp();

const contacts = () => service('contacts');
const knex = () => strapi().db.connection;

type Row = { email: string; state: string; topics: Array<{ documentId: string }> };
const contactRow = async (documentId: string) =>
  (await strapi()
    .db.query(CONTACT)
    .findOne({ where: { documentId }, populate: { topics: { select: ['documentId'] } } })) as Row | null;
const topicsOf = async (documentId: string) => ((await contactRow(documentId))?.topics ?? []).map((t) => t.documentId).sort();

const bulk = (data: unknown, as = token()) => api().post('/campaigns/contacts/bulk').set(bearer(as)).send({ data });

describe('bulk actions', () => {
  let topicA: string;
  let topicB: string;
  const make = async (prefix: string, n: number, topics: string[] = []) => {
    const made = [];
    for (let i = 0; i < n; i += 1) made.push((await contacts().create({ email: `${prefix}${i}@bulk.test`, topics })).documentId);
    return made as string[];
  };
  beforeAll(async () => {
    topicA = (await service('topics').create({ name: 'Bulk A' })).documentId;
    topicB = (await service('topics').create({ name: 'Bulk B' })).documentId;
  });

  test('addTopics and removeTopics change only the contacts that need it, and count them', async () => {
    const [c0, c1, c2] = await make('topics', 3);
    await contacts().update(c0, { topics: [topicA] });
    const added = await bulk({ action: 'addTopics', documentIds: [c0, c1, c2, c1], topics: [topicA, topicB] });
    expect(added.status).toBe(200);
    expect(added.body.data).toEqual({ action: 'addTopics', requested: 3, changed: 3, unchanged: 0 });
    for (const c of [c0, c1, c2]) expect(await topicsOf(c)).toEqual([topicA, topicB].sort());

    const again = await bulk({ action: 'addTopics', documentIds: [c0, c1], topics: [topicA] });
    expect(again.body.data).toEqual({ action: 'addTopics', requested: 2, changed: 0, unchanged: 2 });

    const removed = await bulk({ action: 'removeTopics', documentIds: [c0, c1], topics: [topicB] });
    expect(removed.body.data).toEqual({ action: 'removeTopics', requested: 2, changed: 2, unchanged: 0 });
    expect(await topicsOf(c0)).toEqual([topicA]);
    expect(await topicsOf(c1)).toEqual([topicA]);
    expect(await topicsOf(c2)).toEqual([topicA, topicB].sort());
  });

  test('unsubscribe moves subscribed contacts with stateChangedAt and updatedAt, and leaves bounced contacts as they were', async () => {
    const [c0, c1, c2] = await make('unsub', 3);
    await contacts().setState(c2, 'bounced');
    const long = new Date('2020-01-01T00:00:00.000Z');
    await strapi()
      .db.query(CONTACT)
      .updateMany({ where: { documentId: { $in: [c0, c1, c2] } }, data: { updatedAt: long, stateChangedAt: long } });
    const started = Date.now() - 1000;
    const res = await bulk({ action: 'unsubscribe', documentIds: [c0, c1, c2] });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ action: 'unsubscribe', requested: 3, changed: 2, unchanged: 1 });
    const read = (documentId: string) =>
      strapi()
        .db.query(CONTACT)
        .findOne({ where: { documentId }, select: ['state', 'stateChangedAt', 'updatedAt'] });
    for (const c of [c0, c1]) {
      const row = await read(c);
      expect(row.state).toBe('unsubscribed');
      expect(new Date(row.stateChangedAt).getTime()).toBeGreaterThan(started);
      expect(new Date(row.updatedAt).getTime()).toBeGreaterThan(started);
    }
    const bounced = await read(c2);
    expect(bounced.state).toBe('bounced');
    expect(new Date(bounced.stateChangedAt).toISOString()).toBe(long.toISOString());
    expect(new Date(bounced.updatedAt).toISOString()).toBe(long.toISOString());
  });

  test('delete removes the contacts and their topic links', async () => {
    const ids = await make('delete', 2, [topicA]);
    const res = await bulk({ action: 'delete', documentIds: ids });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ action: 'delete', requested: 2, changed: 2, unchanged: 0 });
    for (const id of ids) expect(await contactRow(id)).toBeNull();
    const members = await api().get('/campaigns/contacts').query({ topic: topicA, search: 'delete' }).set(auth());
    expect(members.body.data).toEqual([]);
  });

  describe('the rows written are the ones the document service writes', () => {
    interface JoinTable {
      name: string;
      joinColumn: { name: string };
      inverseJoinColumn: { name: string };
      orderColumnName: string;
      inverseOrderColumnName: string;
    }
    const joinTable = () =>
      (strapi().db.metadata.get(CONTACT).attributes as unknown as { topics: { joinTable: JoinTable } }).topics.joinTable;
    const documents = () => strapi().documents(CONTACT);
    const idOf = async (documentId: string) =>
      (
        await strapi()
          .db.query(CONTACT)
          .findOne({ where: { documentId }, select: ['id'] })
      ).id as number;

    /** What the bulk service replaced: one document service call per contact, in id order. */
    const oneByOne = async (action: string, documentIds: string[], topics: string[] = []) => {
      const rows = await strapi()
        .db.query(CONTACT)
        .findMany({
          where: { documentId: { $in: documentIds } },
          populate: { topics: { select: ['documentId'] } },
          orderBy: { id: 'asc' },
        });
      for (const row of rows) {
        if (action === 'delete') {
          await documents().delete({ documentId: row.documentId });
          continue;
        }
        const member = new Set(row.topics.map((t: { documentId: string }) => t.documentId));
        const adding = action === 'addTopics';
        const change = topics.filter((t) => member.has(t) !== adding);
        if (change.length)
          await documents().update({
            documentId: row.documentId,
            data: { topics: adding ? { connect: change } : { disconnect: change } },
          } as never);
      }
    };

    /**
     * Two topics T and B with members m0, m1 in T, then contacts c0 (in B), c1, c2, c3 (in T);
     * every contact's updatedAt set far back, so that the ones an action touches show.
     */
    const scenario = async (tag: string) => {
      const t = (await service('topics').create({ name: `${tag} T` })).documentId;
      const b = (await service('topics').create({ name: `${tag} B` })).documentId;
      const ids: Record<string, string> = {};
      for (const [name, topics] of [
        ['m0', [t]],
        ['m1', [t]],
        ['c0', [b]],
        ['c1', []],
        ['c2', []],
        ['c3', [t]],
      ] as Array<[string, string[]]>) {
        ids[name] = (await contacts().create({ email: `${name}@${tag}.test`, topics })).documentId;
      }
      await strapi()
        .db.query(CONTACT)
        .updateMany({ where: { email: { $endsWith: `@${tag}.test` } }, data: { updatedAt: new Date('2020-01-01T00:00:00.000Z') } });
      return { t, b, ids };
    };

    /** The scenario's link rows with both order columns, and which contacts were touched, by name. */
    const snapshot = async (tag: string) => {
      const join = joinTable();
      const rows: Array<{ email: string; topic: string; topicOrder: number; contactOrder: number }> = await knex()(join.name)
        .join('campaigns_contacts as c', 'c.id', `${join.name}.${join.joinColumn.name}`)
        .join('campaigns_topics as t', 't.id', `${join.name}.${join.inverseJoinColumn.name}`)
        .where('c.email', 'like', `%@${tag}.test`)
        .select({
          email: 'c.email',
          topic: 't.name',
          topicOrder: `${join.name}.${join.orderColumnName}`,
          contactOrder: `${join.name}.${join.inverseOrderColumnName}`,
        });
      const links = rows
        .map(
          (r) => `${r.email.split('@')[0]} in ${r.topic.split(' ')[1]}: topic #${Number(r.topicOrder)}, contact #${Number(r.contactOrder)}`
        )
        .sort();
      const touched = (
        await strapi()
          .db.query(CONTACT)
          .findMany({ where: { email: { $endsWith: `@${tag}.test` } }, select: ['email', 'updatedAt'] })
      )
        .filter((c: { updatedAt: string }) => new Date(c.updatedAt).getFullYear() > 2020)
        .map((c: { email: string }) => c.email.split('@')[0])
        .sort();
      return { links, touched };
    };

    test('addTopics, removeTopics and delete leave the links, both order columns and updatedAt as one document service call per contact does', async () => {
      const bulkWay = await scenario('bulkway');
      const docWay = await scenario('docway');
      const steps = (s: { t: string; b: string; ids: Record<string, string> }) =>
        [
          ['addTopics', ['c0', 'c1', 'c2', 'c3'], [s.t, s.b]],
          ['removeTopics', ['c1', 'm0'], [s.t]],
          ['delete', ['c3'], []],
        ].map(([action, names, topics]) => ({
          action: action as string,
          documentIds: (names as string[]).map((n) => s.ids[n]),
          topics: topics as string[],
        }));

      const answers = [];
      for (const step of steps(bulkWay)) {
        const res = await bulk(step.action === 'delete' ? { action: step.action, documentIds: step.documentIds } : step);
        expect(res.status).toBe(200);
        answers.push(res.body.data);
      }
      expect(answers).toEqual([
        { action: 'addTopics', requested: 4, changed: 4, unchanged: 0 },
        { action: 'removeTopics', requested: 2, changed: 2, unchanged: 0 },
        { action: 'delete', requested: 1, changed: 1, unchanged: 0 },
      ]);
      for (const step of steps(docWay)) await oneByOne(step.action, step.documentIds, step.topics);

      const expected = await snapshot('docway');
      expect(await snapshot('bulkway')).toEqual(expected);
      expect(expected.touched).toEqual(['c0', 'c1', 'c2', 'm0']);

      // Read back through the document service: each list in its order.
      const names = (list: Array<{ name?: string; email?: string }>) =>
        list.map((x) => (x.name ? x.name.split(' ')[1] : x.email?.split('@')[0]));
      const contactTopics = async (name: string) =>
        names(
          (
            (await documents().findOne({ documentId: bulkWay.ids[name], populate: { topics: true } } as never)) as unknown as {
              topics: Array<{ name: string }>;
            }
          ).topics
        );
      expect(await contactTopics('c0')).toEqual(['B', 'T']);
      expect(await contactTopics('c1')).toEqual(['B']);
      expect(await contactTopics('c2')).toEqual(['T', 'B']);
      const topicContacts = async (documentId: string) =>
        names(
          (
            (await strapi()
              .documents(TOPIC)
              .findOne({ documentId, populate: { contacts: true } } as never)) as unknown as { contacts: Array<{ email: string }> }
          ).contacts
        );
      expect(await topicContacts(bulkWay.t)).toEqual(['m1', 'c0', 'c2']);
      expect(await topicContacts(bulkWay.b)).toEqual(['c0', 'c1', 'c2']);

      // The deleted contact is gone with its links, and its order columns left no nulls behind.
      expect(await contactRow(bulkWay.ids.c3)).toBeNull();
      const join = joinTable();
      expect(
        await knex()(join.name)
          .where(join.joinColumn.name, await idOf(bulkWay.ids.c0))
          .whereNull(join.orderColumnName)
      ).toEqual([]);
      const orphans = await knex()(join.name).whereNotIn(join.joinColumn.name, knex()('campaigns_contacts').select('id'));
      expect(orphans).toEqual([]);
    });
  });

  describe('bad input is a 400 that says what to fix, and changes nothing', () => {
    let ids: string[];
    beforeAll(async () => {
      ids = await make('bad', 2);
    });
    const unchanged = async () => {
      for (const id of ids) {
        const row = await contactRow(id);
        expect(row?.state).toBe('subscribed');
        expect(row?.topics).toEqual([]);
      }
    };

    test.each([
      [
        'an unknown contact among known ones',
        () => ({ action: 'delete', documentIds: [ids[0], 'nosuchcontact1', ids[1], 'nosuchcontact2'] }),
        /documentIds: unknown contact "nosuchcontact1", "nosuchcontact2"/,
      ],
      [
        'an unknown topic',
        () => ({ action: 'addTopics', documentIds: ids, topics: [topicA, 'nosuchtopic9'] }),
        /topics: unknown topic "nosuchtopic9"/,
      ],
      [
        'an unknown action',
        () => ({ action: 'archive', documentIds: ids }),
        /action: must be one of delete, addTopics, removeTopics, unsubscribe/,
      ],
      ['topics missing', () => ({ action: 'addTopics', documentIds: ids }), /topics: required: the topics to add or remove/],
      ['no contacts', () => ({ action: 'unsubscribe', documentIds: [] }), /documentIds: select at least one contact/],
      [
        'too many contacts',
        () => ({ action: 'unsubscribe', documentIds: Array.from({ length: 1001 }, (_, i) => `c${i}`) }),
        /documentIds: at most 1000 contacts/,
      ],
      ['no body', () => undefined, /action: must be one of/],
    ])('%s', async (_label, data, message) => {
      const res = await bulk(data());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      await unchanged();
    });

    test('a statement failing after others have written rolls them all back', async () => {
      // updatedAt written to a column that does not exist: the last statement of addTopics fails
      // once the topic links are in.
      const updatedAt = strapi().db.metadata.get(CONTACT).attributes.updatedAt as unknown as { columnName: string };
      const column = updatedAt.columnName;
      updatedAt.columnName = 'no_such_column';
      try {
        const res = await bulk({ action: 'addTopics', documentIds: ids, topics: [topicA] });
        expect(res.status).toBe(500);
      } finally {
        updatedAt.columnName = column;
      }
      await unchanged();
    });

    test('a delete that meets a relation it cannot delete in bulk fails and rolls back the links already gone', async () => {
      await bulk({ action: 'addTopics', documentIds: ids, topics: [topicA] });
      const attributes = strapi().db.metadata.get(CONTACT).attributes as unknown as Record<string, unknown>;
      attributes.avatar = { type: 'relation', relation: 'morphToMany' };
      try {
        const res = await bulk({ action: 'delete', documentIds: ids });
        expect(res.status).toBe(500);
      } finally {
        delete attributes.avatar;
      }
      for (const id of ids) expect(await topicsOf(id)).toEqual([topicA]);
      await bulk({ action: 'removeTopics', documentIds: ids, topics: [topicA] });
      await unchanged();
    });

    test('without the permission an action needs: 403, nothing changed', async () => {
      const writer = await adminWithActions(strapi(), 'writer@bulk.test', ['plugin::campaigns.read', 'plugin::campaigns.write']);
      const denied = await bulk({ action: 'delete', documentIds: ids }, writer);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toMatch(/needs the permission plugin::campaigns.delete/);
      const reader = await adminWithActions(strapi(), 'reader@bulk.test', ['plugin::campaigns.read']);
      expect((await bulk({ action: 'unsubscribe', documentIds: ids }, reader)).status).toBe(403);
      await unchanged();
      const allowed = await bulk({ action: 'addTopics', documentIds: [ids[0]], topics: [topicB] }, writer);
      expect(allowed.status).toBe(200);
      expect(await topicsOf(ids[0])).toEqual([topicB]);
    });
  });
});
