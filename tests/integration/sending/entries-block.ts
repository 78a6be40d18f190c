import path from 'node:path';
import type { ContentBlockEntry, ContentBlockType } from '../../../shared/contracts/content-blocks';
import { uploadImage } from '../../../playground/src/demo/articles';
import { signToken } from '../../../server/src/features/tracking/tokens';
import { getService } from '../../../server/src/services/get-service';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, TEST_PUBLIC_URL, TEST_SIGNING_SECRET, waitForProgress } from '../../helpers/sending';

/**
 * The Strapi entries block (issue 17, item 5) through the real document service and Media Library:
 * a campaign made from a template holding a `latest` block shows the site's published articles as
 * they are when the send starts, with their covers' absolute URLs and alternative texts.
 */
const { strapi, api, auth, sink } = useGroupApp();

const ARTICLE = 'api::article.article';
const COVER = path.join(__dirname, '../../../playground/src/demo/assets/autumn-blend.png');
const PREFIX = 'entries-block-';

/** The document service of the playground's articles (the playground's types are not generated). */
interface ArticleDocuments {
  create(params: { data: Record<string, unknown>; status?: 'published' }): Promise<{ documentId: string }>;
  update(params: { documentId: string; data: Record<string, unknown> }): Promise<{ documentId: string }>;
  publish(params: { documentId: string }): Promise<unknown>;
  findMany(params: { filters: Record<string, unknown>; status?: 'published' }): Promise<Array<{ documentId: string }>>;
}
const articles = () => strapi().documents(ARTICLE as never) as unknown as ArticleDocuments;

/** An article with a cover uploaded through the upload service; published unless told otherwise. */
const article = async (title: string, alternativeText: string, published = true) => {
  const cover = await uploadImage(strapi(), COVER, alternativeText);
  return articles().create({
    data: { title, slug: `${PREFIX}${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, excerpt: `About ${title}`, cover: cover.id },
    ...(published ? { status: 'published' as const } : {}),
  });
};

const block = (attributes: string) => `<mjml><mj-body>
  <mj-section><mj-column><mj-text>Hello {{ contact.firstName | default: "there" }}</mj-text></mj-column></mj-section>
  <mj-strapi-entries ${attributes} />
  <mj-section><mj-column><mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text></mj-column></mj-section>
</mj-body></mjml>`;

const LATEST = block(
  `type="${ARTICLE}" latest="2" filter='{"slug":{"$startsWith":"${PREFIX}"}}' title="title" text="excerpt" image="cover" link="https://blog.example.com/{slug}" button="Read more"`
);

const nothingSentTo = (email: string) => expect(sink().to(email)).toEqual([]);

test('a campaign made from a template with a latest block sends the current titles, covers and alt texts of published articles only', async () => {
  const first = await article('Autumn blend', 'A bag of the autumn blend');
  await article('Brewing class', 'A barista pouring water');
  // The newest, but a draft: never shown.
  await article('Secret draft', 'Not yet', false);

  // An editor saves a campaign holding the block as a template, then makes the campaign to send from it.
  const source = await seedCampaign(strapi(), 'Blog digest source', [], { subject: 'From the blog', content: LATEST });
  const template = await getService(strapi(), 'templates').create({ name: 'Blog digest', campaign: source.documentId });
  await getService(strapi(), 'contacts').create({ email: 'reader@entries.test', firstName: 'Ada', attributes: { batch: 'entries-block' } });
  const segment = await getService(strapi(), 'segments').create({
    name: 'Segment entries block',
    rules: { match: 'all', rules: [{ field: 'attribute', path: 'batch', operator: 'eq', value: 'entries-block' }] },
  });
  const campaign = await getService(strapi(), 'campaigns').create({
    name: 'Entries block',
    fromName: 'Northwind Coffee',
    fromEmail: 'news@example.com',
    template: template.id,
    segment: segment.documentId,
  });
  expect(campaign.content).toContain('<mj-strapi-entries');

  // Changed after the campaign was made: the send shows the article as it is when it starts.
  const fresh = await articles().update({ documentId: first.documentId, data: { title: 'Autumn blend, {{ contact.email }} edition' } });
  await articles().publish({ documentId: fresh.documentId });

  const preview = await api().post(`/campaigns/campaigns/${campaign.documentId}/preview`).set(auth()).send({});
  expect(preview.status).toBe(200);
  expect(preview.body.data.html).toContain('Autumn blend, {{ contact.email }} edition');
  expect(preview.body.data.html).toContain('Brewing class');
  expect(preview.body.data.html).not.toContain('Secret draft');

  const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
  expect(res.status).toBe(200);
  await waitForProgress(strapi(), campaign.documentId, finished);

  const [received] = sink().to('reader@entries.test');
  const mail = await sink().parse(received);
  const html = String(mail.html);
  // The title is the article's text: its Liquid shows as written, the reader's address is merged nowhere.
  expect(html).toContain('Autumn blend, {{ contact.email }} edition');
  expect(mail.text).toContain('Autumn blend, {{ contact.email }} edition');
  expect(html).not.toContain('reader@entries.test');
  expect(html).toContain('Brewing class');
  expect(html).not.toContain('Secret draft');
  const images = [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => ({
    src: /src="([^"]*)"/.exec(tag)?.[1],
    alt: /alt="([^"]*)"/.exec(tag)?.[1],
  }));
  const upload = new RegExp(`^${TEST_PUBLIC_URL}/uploads/autumn_blend_\\w+\\.png$`);
  expect(images).toContainEqual({ src: expect.stringMatching(upload), alt: 'A bag of the autumn blend' });
  expect(images).toContainEqual({ src: expect.stringMatching(upload), alt: 'A barista pouring water' });
  expect(html).toContain('Read more');
  expect(html).toContain('Hello Ada');

  // Its links are tracked like the editor's own: both articles' pages are among the campaign's links.
  const campaignId = (
    await strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { documentId: campaign.documentId } })
  ).id;
  const links: Array<{ url: string }> = await strapi().db.connection('campaigns_links').where({ campaign_id: campaignId });
  expect(links.map((l) => l.url).sort()).toEqual([
    'https://blog.example.com/entries-block-autumn-blend',
    'https://blog.example.com/entries-block-brewing-class',
  ]);
  // What the start resolved is kept on the send record: compiled again from it (as another process
  // would), the view-in-browser page shows the entries the message had, not the site's latest.
  const second = (await articles().findMany({ filters: { slug: `${PREFIX}brewing-class` }, status: 'published' }))[0];
  await articles().update({ documentId: second.documentId, data: { title: 'Renamed after the send' } });
  await articles().publish({ documentId: second.documentId });
  // A newer updatedAt makes this process compile the campaign again, as a process that never had it would.
  const campaigns = strapi().db.metadata.get('plugin::campaigns.campaign').tableName;
  await strapi()
    .db.connection(campaigns)
    .where({ id: campaignId })
    .update({ updated_at: new Date(Date.now() + 60_000) });
  const delivery = await strapi().db.connection('campaigns_deliveries').where({ campaign_id: campaignId }).first();
  const view = await api().get(`/api/campaigns/t/v/${signToken(TEST_SIGNING_SECRET, 'view', [delivery.id])}`);
  expect(view.status).toBe(200);
  expect(view.text).toContain('Brewing class');
  expect(view.text).not.toContain('Renamed after the send');
  await articles().update({ documentId: second.documentId, data: { title: 'Brewing class' } });
  await articles().publish({ documentId: second.documentId });
});

test.each([
  [
    'a plugin type',
    `type="plugin::users-permissions.user" latest="1" title="username"`,
    /"type" is "plugin::users-permissions\.user", which is not a collection type of the site/,
  ],
  [
    'an unknown field',
    `type="${ARTICLE}" latest="1" title="headline"`,
    /the attribute "title" names "headline", which is not a field of api::article\.article/,
  ],
  [
    'a field of the wrong type',
    `type="${ARTICLE}" latest="1" image="title"`,
    /the attribute "image" names "title", a string field: use a media field \(cover\)/,
  ],
  [
    'an invalid filter',
    `type="${ARTICLE}" latest="1" title="title" filter='{"title":{"$regex":".*"}}'`,
    /the attribute "filter" uses the operator "\$regex"/,
  ],
  [
    'a filter on a missing field',
    `type="${ARTICLE}" latest="1" title="title" filter='{"password":{"$eq":"x"}}'`,
    /the attribute "filter" names "password", which is not a field/,
  ],
])('%s is a 400 naming the attribute, and nothing is sent', async (name, attributes, message) => {
  const email = `${name.replace(/[^a-z]+/g, '-')}@entries.test`;
  const content = block(attributes);
  const syntaxOnly = /plugin type|invalid filter/.test(name);
  if (syntaxOnly) {
    // Saving checks the block as written: a wrong type or operator never reaches the database.
    const saved = await seedCampaign(strapi(), `Refused ${name}`, [{ email }], { content }).catch((error: Error) => error);
    expect(saved).toBeInstanceOf(Error);
    expect((saved as Error).message).toMatch(message);
    nothingSentTo(email);
    return;
  }
  // A field is checked against the type when the entries are read: previews and the send's start say so.
  const campaign = await seedCampaign(strapi(), `Refused ${name}`, [{ email }], { content });
  const preview = await api().post(`/campaigns/campaigns/${campaign.documentId}/preview`).set(auth()).send({});
  expect(preview.status).toBe(400);
  expect(preview.body.error.message).toMatch(message);
  const send = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
  expect(send.status).toBe(400);
  expect(send.body.error.message).toMatch(message);
  expect(send.body.error.details.errors[0]).toMatchObject({ path: ['content'], lines: [{ line: 3 }] });
  const progress = await getService(strapi(), 'sending').progress(campaign.documentId);
  expect(progress).toMatchObject({ state: 'draft', targeted: 0 });
  nothingSentTo(email);
});

test('the admin API lists the site collection types with their fields, and finds published entries by their label', async () => {
  const types = await api().get('/campaigns/content-blocks/types').set(auth());
  expect(types.status).toBe(200);
  const listed: ContentBlockType[] = types.body.data;
  expect(listed.every((t) => t.uid.startsWith('api::'))).toBe(true);
  expect(listed.find((t) => t.uid === ARTICLE)).toEqual({
    uid: ARTICLE,
    displayName: 'Article',
    draftAndPublish: true,
    fields: [
      { name: 'title', type: 'string' },
      { name: 'slug', type: 'uid' },
      { name: 'excerpt', type: 'text' },
      { name: 'body', type: 'blocks' },
      { name: 'summary', type: 'richtext' },
      { name: 'cover', type: 'media' },
    ],
  });

  const found = await api().get('/campaigns/content-blocks/entries').query({ type: ARTICLE, q: 'brewing' }).set(auth());
  expect(found.status).toBe(200);
  const entries: ContentBlockEntry[] = found.body.data;
  expect(entries.map((e) => e.label)).toEqual(['Brewing class']);
  const drafts = await api().get('/campaigns/content-blocks/entries').query({ type: ARTICLE, q: 'secret' }).set(auth());
  expect(drafts.body.data).toEqual([]);

  const refused = await api().get('/campaigns/content-blocks/entries').query({ type: 'plugin::campaigns.contact' }).set(auth());
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toMatch(/type: "plugin::campaigns\.contact" is not a collection type of this site/);
  const anonymous = await api().get('/campaigns/content-blocks/types');
  expect(anonymous.status).toBe(401);
});

test('chosen entries show in the order given; one that is missing or unpublished is left out', async () => {
  const [brewing] = (await articles().findMany({ filters: { slug: `${PREFIX}brewing-class` }, status: 'published' })) as Array<{
    documentId: string;
  }>;
  const [draft] = await articles().findMany({ filters: { slug: `${PREFIX}secret-draft` } });
  const [autumn] = (await articles().findMany({ filters: { slug: `${PREFIX}autumn-blend` }, status: 'published' })) as Array<{
    documentId: string;
  }>;
  const content = block(
    `type="${ARTICLE}" entries="${brewing.documentId},${draft.documentId},nosuchentry,${autumn.documentId}" title="title" layout="cards"`
  );
  const campaign = await seedCampaign(strapi(), 'Chosen entries', [], { content });
  const preview = await api().post(`/campaigns/campaigns/${campaign.documentId}/preview`).set(auth()).send({});
  expect(preview.status).toBe(200);
  const { html } = preview.body.data as { html: string };
  expect(html.indexOf('Brewing class')).toBeGreaterThan(-1);
  expect(html.indexOf('Brewing class')).toBeLessThan(html.indexOf('Autumn blend'));
  expect(html).not.toContain('Secret draft');
});
