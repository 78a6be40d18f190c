import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';

const TOPIC = 'plugin::campaigns.topic';

const { strapi, auth, api, service } = useGroupApp();

const topicRows = () =>
  strapi()
    .db.query(TOPIC)
    .findMany({ orderBy: { name: 'asc' } });

describe('the list counts each topic’s members in one grouped query', () => {
  let news: { documentId: string };
  let offers: { documentId: string };
  let empty: { documentId: string };

  beforeAll(async () => {
    news = await service('topics').create({ name: 'Count News' });
    offers = await service('topics').create({ name: 'Count Offers', isPublic: false });
    empty = await service('topics').create({ name: 'Count Empty' });
    const contacts = service('contacts');
    for (let i = 0; i < 5; i += 1) await contacts.create({ email: `both${i}@example.com`, topics: [news.documentId, offers.documentId] });
    await contacts.create({ email: 'news-only@example.com', topics: [news.documentId] });
    await contacts.create({ email: 'no-topic@example.com' });
    const gone = await contacts.create({ email: 'gone@example.com', topics: [news.documentId] });
    await contacts.setState(gone.documentId, 'unsubscribed');
    const bounced = await contacts.create({ email: 'bounced@example.com', topics: [offers.documentId] });
    await contacts.setState(bounced.documentId, 'bounced');
  });

  test('members and subscribed members per topic, zero for a topic nobody joined', async () => {
    const res = await api().get('/campaigns/topics').query({ search: 'Count', sort: 'name:asc' }).set(auth());
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        documentId: empty.documentId,
        name: 'Count Empty',
        slug: 'count-empty',
        description: null,
        isPublic: true,
        members: 0,
        subscribedMembers: 0,
      },
      {
        documentId: news.documentId,
        name: 'Count News',
        slug: 'count-news',
        description: null,
        isPublic: true,
        members: 7,
        subscribedMembers: 6,
      },
      {
        documentId: offers.documentId,
        name: 'Count Offers',
        slug: 'count-offers',
        description: null,
        isPublic: false,
        members: 6,
        subscribedMembers: 5,
      },
    ]);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 3 });
  });

  test('counts follow the link table: a deleted contact leaves its topics', async () => {
    const contact = await service('contacts').findByEmail('news-only@example.com');
    await service('contacts').delete(contact!.documentId);
    const res = await api().get('/campaigns/topics').query({ search: 'Count News' }).set(auth());
    expect(res.body.data).toEqual([expect.objectContaining({ name: 'Count News', members: 6, subscribedMembers: 5 })]);
  });

  test('a page counts only its own topics', async () => {
    const res = await api().get('/campaigns/topics').query({ search: 'Count', sort: 'name:desc', pageSize: 1, page: 2 }).set(auth());
    expect(res.body.data).toEqual([expect.objectContaining({ name: 'Count News', members: 6 })]);
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 3, total: 3 });
  });
});

describe('create, rename, delete', () => {
  test('creates with a slug, renames keeping the slug, deletes', async () => {
    const created = await api()
      .post('/campaigns/topics')
      .set(auth())
      .send({ data: { name: '  Product news! ', description: 'Monthly' } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: 'Product news!', slug: 'product-news', description: 'Monthly', isPublic: true });
    const { documentId } = created.body.data;

    const renamed = await api()
      .put(`/campaigns/topics/${documentId}`)
      .set(auth())
      .send({ data: { name: 'Product updates', isPublic: false } });
    expect(renamed.status).toBe(200);
    const row = await strapi().db.query(TOPIC).findOne({ where: { documentId } });
    expect(row).toMatchObject({ name: 'Product updates', slug: 'product-news', isPublic: false, description: 'Monthly' });

    const deleted = await api().delete(`/campaigns/topics/${documentId}`).set(auth());
    expect(deleted.status).toBe(200);
    expect(await strapi().db.query(TOPIC).findOne({ where: { documentId } })).toBeNull();
  });

  test('a duplicate name is a 400 on the name field, and nothing is written', async () => {
    await service('topics').create({ name: 'Weekly' });
    const before = await topicRows();
    const res = await api()
      .post('/campaigns/topics')
      .set(auth())
      .send({ data: { name: 'Weekly' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Invalid topic: name: a topic named "Weekly" already exists');
    expect(res.body.error.details.errors).toEqual([
      { path: ['name'], message: 'a topic named "Weekly" already exists', name: 'ValidationError' },
    ]);
    expect(await topicRows()).toEqual(before);

    const other = await service('topics').create({ name: 'Daily' });
    const rename = await api()
      .put(`/campaigns/topics/${other.documentId}`)
      .set(auth())
      .send({ data: { name: 'Weekly' } });
    expect(rename.status).toBe(400);
    expect(rename.body.error.details.errors[0].path).toEqual(['name']);
    expect(
      (
        await strapi()
          .db.query(TOPIC)
          .findOne({ where: { documentId: other.documentId } })
      ).name
    ).toBe('Daily');
  });

  test.each([
    ['an empty name', { name: '   ' }, /name: must not be empty/],
    ['no name', { description: 'x' }, /name/],
    ['an unknown field', { name: 'Unknown field', slug: 'chosen' }, /slug: unknown field/],
    ['a public flag that is not a boolean', { name: 'Flag', isPublic: 'yes' }, /isPublic/],
  ])('refuses %s with a 400', async (_label, data, message) => {
    const before = await topicRows();
    const res = await api().post('/campaigns/topics').set(auth()).send({ data });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await topicRows()).toEqual(before);
  });

  test('404 for a topic that does not exist', async () => {
    const res = await api()
      .put('/campaigns/topics/nosuchtopic000000000000a')
      .set(auth())
      .send({ data: { name: 'X' } });
    expect(res.status).toBe(404);
  });

  test('a reader lists topics but cannot create one', async () => {
    const reader = await adminWithActions(strapi(), 'topic-reader@example.com', ['plugin::campaigns.read']);
    expect((await api().get('/campaigns/topics').set(bearer(reader))).status).toBe(200);
    expect(
      (
        await api()
          .post('/campaigns/topics')
          .set(bearer(reader))
          .send({ data: { name: 'Nope' } })
      ).status
    ).toBe(403);
    expect(
      await strapi()
        .db.query(TOPIC)
        .findOne({ where: { name: 'Nope' } })
    ).toBeNull();
  });
});
