import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';

const CAMPAIGN = 'plugin::campaigns.campaign';

const { app, strapi, auth, api, service } = useGroupApp();

const countCampaigns = () => strapi().documents(CAMPAIGN).count({});

const createSegment = (name: string, rules: unknown) => service('segments').create({ name, rules });

describe('campaigns admin API', () => {
  test('creates, lists, renames and deletes a campaign', async () => {
    const segment = await createSegment('Everyone', { match: 'all', rules: [] });
    await service('contacts').create({ email: 'one@example.com' });
    await service('contacts').create({ email: 'two@example.com' });

    const created = await api()
      .post('/campaigns/campaigns')
      .set(auth())
      .send({
        data: { name: 'Spring news', subject: 'Hello {{ contact.firstName }}', fromEmail: 'News@Example.COM', segment: segment.documentId },
      });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      name: 'Spring news',
      state: 'draft',
      fromEmail: 'News@example.com',
      segment: { documentId: segment.documentId, name: 'Everyone' },
      audienceSize: 2,
    });
    const { documentId } = created.body.data;

    const list = await api().get('/campaigns/campaigns').set(auth());
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination).toMatchObject({ page: 1, total: 1 });
    expect(list.body.data[0]).toMatchObject({ documentId, name: 'Spring news', state: 'draft', audienceSize: 2 });

    const renamed = await api()
      .put(`/campaigns/campaigns/${documentId}`)
      .set(auth())
      .send({ data: { name: 'Summer news' } });
    expect(renamed.status).toBe(200);
    const stored = await strapi().documents(CAMPAIGN).findOne({ documentId });
    expect(stored?.name).toBe('Summer news');

    const removed = await api().delete(`/campaigns/campaigns/${documentId}`).set(auth());
    expect(removed.status).toBe(200);
    expect(await strapi().documents(CAMPAIGN).findOne({ documentId })).toBeNull();
  });

  test('searches and pages the list', async () => {
    for (const name of ['Alpha launch', 'Beta launch', 'Gamma digest']) {
      await api().post('/campaigns/campaigns').set(auth()).send({ data: { name } }).expect(201);
    }
    const found = await api().get('/campaigns/campaigns').query({ search: 'launch', pageSize: 1, sort: 'name:asc' }).set(auth());
    expect(found.status).toBe(200);
    expect(found.body.meta.pagination).toMatchObject({ total: 2, pageCount: 2, pageSize: 1 });
    expect(found.body.data.map((c: { name: string }) => c.name)).toEqual(['Alpha launch']);

    const bad = await api().get('/campaigns/campaigns').query({ sort: 'password:asc' }).set(auth());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/sort/);
  });

  describe('refuses bad input with a 400 that names the field, and writes nothing', () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['an unknown segment', { name: 'x', segment: 'doesnotexist123' }, /segment: no segment with documentId "doesnotexist123"/],
      ['an invalid from address', { name: 'x', fromEmail: 'not-an-address' }, /fromEmail: invalid email/],
      ['a from address with a bad domain', { name: 'x', fromEmail: 'a@-bad-.com' }, /fromEmail: invalid email/],
      ['a subject with CR/LF', { name: 'x', subject: 'Hi\r\nBcc: victim@example.com' }, /subject: must not contain line breaks/],
      ['a subject with a bare LF', { name: 'x', subject: 'Hi\nthere' }, /subject: must not contain line breaks/],
      ['a from name with CR/LF', { name: 'x', fromName: 'Shop\r\nX-Evil: 1' }, /fromName: must not contain line breaks/],
      ['a missing name', { subject: 'no name' }, /name/],
      ['an empty name', { name: '   ' }, /name: must not be empty/],
      ['an unknown field', { name: 'x', state: 'sent' }, /state: unknown field/],
      ['a send time, which only scheduling sets', { name: 'x', sendAt: '2030-01-01T09:00:00Z' }, /sendAt: unknown field/],
    ];
    test.each(cases)('%s', async (_label, data, message) => {
      const before = await countCampaigns();
      const res = await api().post('/campaigns/campaigns').set(auth()).send({ data });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(message);
      expect(await countCampaigns()).toBe(before);
    });

    test('on update too, leaving the stored campaign as it was', async () => {
      const created = await api()
        .post('/campaigns/campaigns')
        .set(auth())
        .send({ data: { name: 'Keep me', subject: 'Fine' } });
      const { documentId } = created.body.data;
      const res = await api()
        .put(`/campaigns/campaigns/${documentId}`)
        .set(auth())
        .send({ data: { name: 'Changed', subject: 'Bad\r\nsubject', segment: 'nope' } });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/subject: must not contain line breaks/);
      const stored = await strapi().documents(CAMPAIGN).findOne({ documentId });
      expect(stored).toMatchObject({ name: 'Keep me', subject: 'Fine' });
    });
  });

  test('answers 404 for an unknown campaign', async () => {
    const res = await api().get('/campaigns/campaigns/doesnotexist000000000000').set(auth());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/No campaign/);
  });
});

describe('admin permissions', () => {
  test('registers the plugin actions with the admin', () => {
    const registry = strapi().service('admin::permission').actionProvider;
    for (const action of ['read', 'write', 'delete', 'send', 'suppressions.manage', 'settings.manage']) {
      expect(registry.get(`plugin::campaigns.${action}`)).toBeDefined();
    }
  });

  test('401 without a token, 403 for a role without the action', async () => {
    await api().get('/campaigns/campaigns').expect(401);

    const nobody = await adminWithActions(strapi(), 'nobody@example.com', []);
    await api().get('/campaigns/campaigns').set(bearer(nobody)).expect(403);
    await api().get('/campaigns/settings').set(bearer(nobody)).expect(403);

    const reader = await adminWithActions(strapi(), 'reader@example.com', ['plugin::campaigns.read']);
    await api().get('/campaigns/campaigns').set(bearer(reader)).expect(200);
    const before = await countCampaigns();
    await api()
      .post('/campaigns/campaigns')
      .set(bearer(reader))
      .send({ data: { name: 'Not allowed' } })
      .expect(403);
    // Reading the suppression list is reading; changing it takes the suppressions action.
    await api().get('/campaigns/suppressions').set(bearer(reader)).expect(200);
    await api()
      .post('/campaigns/suppressions')
      .set(bearer(reader))
      .send({ data: { email: 'not-allowed@example.com' } })
      .expect(403);
    expect(await countCampaigns()).toBe(before);

    const writer = await adminWithActions(strapi(), 'writer@example.com', ['plugin::campaigns.read', 'plugin::campaigns.write']);
    const created = await api()
      .post('/campaigns/campaigns')
      .set(bearer(writer))
      .send({ data: { name: 'Allowed' } })
      .expect(201);
    await api().delete(`/campaigns/campaigns/${created.body.data.documentId}`).set(bearer(writer)).expect(403);
  });

  test('settings show the effective config without secrets, and live workers', async () => {
    const res = await api().get('/campaigns/settings').set(auth());
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ workerMode: 'in-process', signingSecretSet: true, redis: { prefix: app().redisPrefix } });
    expect(JSON.stringify(res.body)).not.toContain('playground-signing-secret');
    const maintenance = res.body.data.health.queues.find((q: { name: string }) => q.name === 'maintenance');
    expect(maintenance.workers).toBeGreaterThanOrEqual(1);
    // The playground configures no audience source unless asked (see audience-backfill for one).
    expect(res.body.data.audienceSources).toEqual([]);
  });
});
