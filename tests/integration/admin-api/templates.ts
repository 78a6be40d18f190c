import { STARTER_KEYS } from '../../../shared/contracts/templates';
import { STARTERS } from '../../../server/src/features/templates/starters';
import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';

const CAMPAIGN = 'plugin::campaigns.campaign';
const TEMPLATE = 'plugin::campaigns.template';

const { strapi, auth, api, service } = useGroupApp();

const MJML = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hello {{ contact.firstName | default: 'friend' }}, the spring menu is here.</mj-text>
<mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

const newsletter = STARTERS.find((starter) => starter.key === 'newsletter')!;
const digest = STARTERS.find((starter) => starter.key === 'digest')!;

/** The playground's articles, what the digest starter's entries block shows (the playground's types are not generated). */
interface ArticleDocuments {
  create(params: { data: Record<string, unknown>; status?: 'published' }): Promise<{ documentId: string }>;
  delete(params: { documentId: string }): Promise<unknown>;
}
const articles = () => strapi().documents('api::article.article' as never) as unknown as ArticleDocuments;

const templateRow = (documentId: string) => strapi().db.query(TEMPLATE).findOne({ where: { documentId } });
const campaignRow = (documentId: string) => strapi().db.query(CAMPAIGN).findOne({ where: { documentId } });
const templateCount = () => strapi().db.query(TEMPLATE).count({});

/** A campaign with a message, saved through the service (its checks pass). */
const campaignWithMessage = (name = 'Spring menu') =>
  service('campaigns').create({
    name,
    subject: 'Spring {{ contact.firstName | default: "friend" }}',
    preheader: 'New dishes',
    content: MJML,
    plainText: 'Hello',
  });

/** A campaign whose stored content no save would accept: written past the service's checks. */
const campaignWithContent = async (content: string) => {
  const { documentId } = await service('campaigns').create({ name: 'Broken' });
  await strapi().db.query(CAMPAIGN).update({ where: { documentId }, data: { content } });
  return documentId;
};

const saveAsTemplate = (data: Record<string, unknown>, headers = auth()) => api().post('/campaigns/templates').set(headers).send({ data });

describe('the gallery and one template', () => {
  test('lists the starters first, then the saved templates, each with its kind, without their content', async () => {
    const campaign = await campaignWithMessage();
    const saved = await saveAsTemplate({ name: 'Spring', campaign: campaign.documentId }).expect(201);

    const res = await api().get('/campaigns/templates').set(auth()).expect(200);
    expect(res.body.data.map((t: { id: string; kind: string }) => [t.id, t.kind])).toEqual([
      ...STARTER_KEYS.map((key) => [`starter:${key}`, 'starter']),
      [saved.body.data.id, 'saved'],
    ]);
    expect(res.body.data[0]).toEqual({
      id: 'starter:newsletter',
      kind: 'starter',
      name: 'Newsletter',
      description: newsletter.description,
      subject: newsletter.subject,
      preheader: newsletter.preheader,
      updatedAt: null,
    });
    expect(res.body.data.at(-1)).toMatchObject({ name: 'Spring', subject: campaign.subject, preheader: 'New dishes' });
    expect(res.body.data.at(-1)).not.toHaveProperty('content');
  });

  test('reads a starter with its content, and renders it for the sample contact', async () => {
    const one = await api().get('/campaigns/templates/starter:newsletter').set(auth()).expect(200);
    expect(one.body.data).toMatchObject({ id: 'starter:newsletter', kind: 'starter', content: newsletter.content, plainText: null });

    const render = await api().get('/campaigns/templates/starter:newsletter/render').set(auth()).expect(200);
    expect(render.body.data.subject).toBe(newsletter.subject);
    // The sample contact is Alex; no sender, so the masthead shows its fallback; links as written, nothing tracked.
    expect(render.body.data.html).toContain('Hi Alex, it has been a busy few weeks.');
    expect(render.body.data.html).toContain('The Monthly Letter');
    expect(render.body.data.html).toContain('href="https://example.com/news/a-fresh-start"');
  });

  test("the digest renders the site's latest published articles, and a campaign starts from it with the block as written", async () => {
    const titles = ['Autumn blend', 'Brewing class', 'Cold brew'];
    const made = [
      ...(await Promise.all(
        titles.map((title) =>
          articles().create({
            data: { title, slug: `digest-${title.toLowerCase().replace(' ', '-')}`, excerpt: `About ${title}` },
            status: 'published',
          })
        )
      )),
      await articles().create({ data: { title: 'Secret draft', slug: 'digest-secret', excerpt: 'Not yet' } }),
    ];
    try {
      const render = await api().get('/campaigns/templates/starter:digest/render').set(auth()).expect(200);
      for (const title of titles) {
        expect(render.body.data.html).toContain(title);
        expect(render.body.data.html).toContain(`About ${title}`);
      }
      expect(render.body.data.html).toContain('href="https://example.com/blog/digest-cold-brew"');
      expect(render.body.data.html).not.toContain('Secret draft');

      const res = await api()
        .post('/campaigns/campaigns')
        .set(auth())
        .send({ data: { name: 'Weekly digest', template: 'starter:digest' } })
        .expect(201);
      expect(await campaignRow(res.body.data.documentId)).toMatchObject({ content: digest.content });
    } finally {
      for (const { documentId } of made) await articles().delete({ documentId });
    }
  });

  test('404 for a starter or a saved template that does not exist', async () => {
    const starter = await api().get('/campaigns/templates/starter:nope').set(auth()).expect(404);
    expect(starter.body.error.message).toBe('No template "starter:nope"');
    await api().get('/campaigns/templates/doesnotexist000000000000').set(auth()).expect(404);
    await api().get('/campaigns/templates/doesnotexist000000000000/render').set(auth()).expect(404);
  });
});

describe('saving a campaign as a template', () => {
  test("keeps the campaign's subject, preheader, content and plain text; renames, edits and deletes it", async () => {
    const campaign = await campaignWithMessage();
    const created = await saveAsTemplate({ name: '  Spring  ', description: 'Our seasonal menu', campaign: campaign.documentId });
    expect(created.status).toBe(201);
    const { id } = created.body.data;
    expect(await templateRow(id)).toMatchObject({
      name: 'Spring',
      description: 'Our seasonal menu',
      subject: 'Spring {{ contact.firstName | default: "friend" }}',
      preheader: 'New dishes',
      content: MJML,
      plainText: 'Hello',
    });
    expect((await api().get(`/campaigns/templates/${id}`).set(auth()).expect(200)).body.data).toMatchObject({
      id,
      kind: 'saved',
      name: 'Spring',
      content: MJML,
    });

    await api()
      .put(`/campaigns/templates/${id}`)
      .set(auth())
      .send({ data: { name: 'Spring 2027', description: null } })
      .expect(200);
    expect(await templateRow(id)).toMatchObject({ name: 'Spring 2027', description: null, content: MJML });
    const edited = MJML.replace('spring menu', 'summer menu');
    await api()
      .put(`/campaigns/templates/${id}`)
      .set(auth())
      .send({ data: { content: edited, subject: 'Summer' } })
      .expect(200);
    expect(await templateRow(id)).toMatchObject({ subject: 'Summer', content: edited });

    await api().delete(`/campaigns/templates/${id}`).set(auth()).expect(200);
    expect(await templateRow(id)).toBeNull();
    await api().delete(`/campaigns/templates/${id}`).set(auth()).expect(404);
  });

  test('an empty name is refused, and nothing is saved', async () => {
    const campaign = await campaignWithMessage();
    const before = await templateCount();
    const res = await saveAsTemplate({ name: '   ', campaign: campaign.documentId }).expect(400);
    expect(res.body.error.message).toBe('Invalid template: name: must not be empty');
    expect(await templateCount()).toBe(before);
  });

  test('a name over 200 characters is refused, on save and on rename', async () => {
    const campaign = await campaignWithMessage();
    const res = await saveAsTemplate({ name: 'x'.repeat(201), campaign: campaign.documentId }).expect(400);
    expect(res.body.error.message).toBe('Invalid template: name: at most 200 characters');
    const saved = await saveAsTemplate({ name: 'x'.repeat(200), campaign: campaign.documentId }).expect(201);
    const rename = await api()
      .put(`/campaigns/templates/${saved.body.data.id}`)
      .set(auth())
      .send({ data: { name: 'y'.repeat(201) } })
      .expect(400);
    expect(rename.body.error.message).toBe('Invalid template: name: at most 200 characters');
    expect(await templateRow(saved.body.data.id)).toMatchObject({ name: 'x'.repeat(200) });
  });

  test('an unknown campaign is a 404, a missing one a 400, and an unknown field a 400', async () => {
    const before = await templateCount();
    const missing = await saveAsTemplate({ name: 'Spring', campaign: 'doesnotexist000000000000' }).expect(404);
    expect(missing.body.error.message).toBe('No campaign with documentId "doesnotexist000000000000"');
    const none = await saveAsTemplate({ name: 'Spring' }).expect(400);
    expect(none.body.error.message).toMatch(/^Invalid template: campaign: /);
    const unknown = await saveAsTemplate({ name: 'Spring', campaign: 'doesnotexist000000000000', content: MJML }).expect(400);
    expect(unknown.body.error.message).toBe('Invalid template: content: unknown field');
    expect(await templateCount()).toBe(before);
  });

  test('a campaign with broken MJML, broken Liquid or no content is refused, naming the field', async () => {
    const before = await templateCount();
    const brokenMjml = await campaignWithContent('<mjml><mj-body><mj-section><mj-colum></mj-colum></mj-section></mj-body></mjml>');
    const mjml = await saveAsTemplate({ name: 'Broken', campaign: brokenMjml }).expect(400);
    expect(mjml.body.error.message).toMatch(/^Invalid template: content: MJML errors: line 1: /);
    expect(mjml.body.error.details.errors[0].path).toEqual(['content']);

    const brokenLiquid = await campaignWithContent(MJML.replace('{{ postal_address }}', '{{ site.secret }}'));
    const liquid = await saveAsTemplate({ name: 'Broken', campaign: brokenLiquid }).expect(400);
    expect(liquid.body.error.message).toMatch(/^Invalid template: content: unknown variable "site.secret"/);

    const blank = await service('campaigns').create({ name: 'Blank' });
    const empty = await saveAsTemplate({ name: 'Blank', campaign: blank.documentId }).expect(400);
    expect(empty.body.error.message).toBe('Invalid template: content: is empty: write the message in MJML');
    expect(await templateCount()).toBe(before);
  });

  test('an edit is checked as a save is: a broken subject or content is refused and the template keeps its own', async () => {
    const campaign = await campaignWithMessage();
    const { id } = (await saveAsTemplate({ name: 'Spring', campaign: campaign.documentId }).expect(201)).body.data;
    const subject = await api()
      .put(`/campaigns/templates/${id}`)
      .set(auth())
      .send({ data: { subject: 'Hi {% if %}' } })
      .expect(400);
    expect(subject.body.error.details.errors[0].path).toEqual(['subject']);
    const content = await api()
      .put(`/campaigns/templates/${id}`)
      .set(auth())
      .send({ data: { content: '<mjml><mj-body><mj-text>{{ campaign.constructor }}</mj-text></mj-body></mjml>' } })
      .expect(400);
    expect(content.body.error.message).toMatch(/^Invalid template: content: /);
    expect(await templateRow(id)).toMatchObject({ subject: campaign.subject, content: MJML });
  });

  test('a reader without the write action gets 403 and changes nothing; deleting needs the delete action', async () => {
    const campaign = await campaignWithMessage();
    const { id } = (await saveAsTemplate({ name: 'Spring', campaign: campaign.documentId }).expect(201)).body.data;
    const reader = bearer(await adminWithActions(strapi(), 'template-reader@example.com', ['plugin::campaigns.read']));
    const [templates, campaigns] = [await templateCount(), await strapi().db.query(CAMPAIGN).count({})];

    await api().get('/campaigns/templates').set(reader).expect(200);
    await api().get(`/campaigns/templates/${id}/render`).set(reader).expect(200);
    await saveAsTemplate({ name: 'Mine', campaign: campaign.documentId }, reader).expect(403);
    await api()
      .put(`/campaigns/templates/${id}`)
      .set(reader)
      .send({ data: { name: 'Mine' } })
      .expect(403);
    await api().delete(`/campaigns/templates/${id}`).set(reader).expect(403);
    const writer = bearer(
      await adminWithActions(strapi(), 'template-writer@example.com', ['plugin::campaigns.read', 'plugin::campaigns.write'])
    );
    await api().delete(`/campaigns/templates/${id}`).set(writer).expect(403);
    await api()
      .post('/campaigns/campaigns')
      .set(reader)
      .send({ data: { name: 'Mine', template: 'starter:newsletter' } })
      .expect(403);

    expect(await templateCount()).toBe(templates);
    expect(await strapi().db.query(CAMPAIGN).count({})).toBe(campaigns);
    expect(await templateRow(id)).toMatchObject({ name: 'Spring' });
  });
});

describe('a campaign made from a template', () => {
  test("from a starter: the starter's subject, preheader and content, as a draft", async () => {
    const res = await api()
      .post('/campaigns/campaigns')
      .set(auth())
      .send({ data: { name: 'May newsletter', template: 'starter:newsletter' } })
      .expect(201);
    expect(await campaignRow(res.body.data.documentId)).toMatchObject({
      name: 'May newsletter',
      state: 'draft',
      contentFormat: 'mjml',
      subject: newsletter.subject,
      preheader: newsletter.preheader,
      content: newsletter.content,
      plainText: null,
    });
  });

  test('from a saved template, fields the request sets win; deleting the template leaves the campaign as it was', async () => {
    const original = await campaignWithMessage();
    const { id } = (await saveAsTemplate({ name: 'Spring', campaign: original.documentId }).expect(201)).body.data;

    const res = await api()
      .post('/campaigns/campaigns')
      .set(auth())
      .send({ data: { name: 'From my template', template: id, subject: 'A subject of its own' } })
      .expect(201);
    const { documentId } = res.body.data;
    const made = { subject: 'A subject of its own', preheader: 'New dishes', content: MJML, plainText: 'Hello' };
    expect(await campaignRow(documentId)).toMatchObject(made);

    await api().delete(`/campaigns/templates/${id}`).set(auth()).expect(200);
    expect(await campaignRow(documentId)).toMatchObject({ name: 'From my template', ...made });
    expect(await campaignRow(original.documentId)).toMatchObject({ content: MJML });
  });

  test('an unknown or malformed template is a 400 on the field, and no campaign is made', async () => {
    const before = await strapi().db.query(CAMPAIGN).count({});
    for (const template of ['starter:nope', 'doesnotexist000000000000']) {
      const res = await api()
        .post('/campaigns/campaigns')
        .set(auth())
        .send({ data: { name: 'X', template } })
        .expect(400);
      expect(res.body.error.message).toBe(`Invalid campaign: template: no template "${template}": choose a starter or a saved template`);
      expect(res.body.error.details.errors[0].path).toEqual(['template']);
    }
    const malformed = await api()
      .post('/campaigns/campaigns')
      .set(auth())
      .send({ data: { name: 'X', template: '../etc' } })
      .expect(400);
    expect(malformed.body.error.message).toMatch(/^Invalid campaign: template: a template: "starter:<name>"/);
    expect(await strapi().db.query(CAMPAIGN).count({})).toBe(before);
  });
});
