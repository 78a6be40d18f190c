import type { ParsedMail } from 'mailparser';
import { deliveryOfVerp } from '../../../server/src/mail/verp';
import { verifyToken } from '../../../server/src/features/tracking/tokens';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, TEST_SIGNING_SECRET, waitForProgress } from '../../helpers/sending';

const SECRET = TEST_SIGNING_SECRET;

const { strapi, service, api, auth, sink } = useGroupApp();

const knex = () => strapi().db.connection;

/** A header as it was written (mailparser turns List-Unsubscribe into an object). */
const rawHeader = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
};

test('sends one merged, tracked message per targeted contact, with every bulk header, then the campaign is sent', async () => {
  const people = [
    { email: 'ann@pipeline.test', firstName: 'Ann', attributes: { plan: 'pro' } },
    { email: 'bob@pipeline.test', firstName: 'Bob' },
    { email: 'zoe@pipeline.test', firstName: 'Zoë <b>' },
    { email: 'gone@pipeline.test', firstName: 'Gone' },
    { email: 'left@pipeline.test', firstName: 'Left' },
  ];
  const campaign = await seedCampaign(strapi(), 'Happy path', people);
  await service('suppressions').add({ email: 'gone@pipeline.test', reason: 'manual' });
  const left = await service('contacts').findByEmail('left@pipeline.test');
  await service('contacts').setState(left!.documentId, 'unsubscribed');

  const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ state: 'sending' });

  const progress = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(progress).toMatchObject({ state: 'sent', targeted: 3, sent: 3, failed: 0, suppressed: 0, unknown: 0, queued: 0, sending: 0 });
  expect(progress.finishedAt).not.toBeNull();

  const recipients = sink()
    .received.flatMap((m) => m.rcptTo)
    .sort();
  expect(recipients).toEqual(['ann@pipeline.test', 'bob@pipeline.test', 'zoe@pipeline.test']);

  const deliveries = await knex()('campaigns_deliveries').where({
    campaign_id: (
      await strapi()
        .db.query('plugin::campaigns.campaign')
        .findOne({ where: { documentId: campaign.documentId } })
    ).id,
  });
  const links = await knex()('campaigns_links').whereIn('campaign_id', [...new Set(deliveries.map((d) => d.campaign_id))]);
  expect(links.map((l) => l.url).sort()).toEqual(['https://blog.example.com/brewing', 'https://shop.example.com/autumn?utm=mail&x=1']);

  for (const received of sink().received) {
    const mail = await sink().parse(received);
    const delivery = deliveries.find((d) => d.email === received.rcptTo[0]);
    expect(delivery).toMatchObject({ state: 'sent', attempts: 1 });
    const person = people.find((p) => p.email === delivery.email)!;

    expect(deliveryOfVerp(SECRET, 'bounces@example.com', received.mailFrom)).toBe(delivery.id);
    expect(mail.messageId).toBe(delivery.message_id);
    expect(mail.messageId).toMatch(/^<[0-9a-z]+\.[0-9a-f]{12}@example\.com>$/);
    expect(mail.from?.value[0]).toEqual({ name: 'Northwind Coffee', address: 'news@example.com' });
    expect(mail.replyTo?.value[0].address).toBe('hello@example.com');
    expect(mail.subject).toBe(`Autumn news for ${person.firstName}`);
    const unsubscribe = rawHeader(mail, 'list-unsubscribe');
    const [, httpsUrl, mailto] = /^<(https:[^>]+)>, <(mailto:[^>]+)>$/.exec(unsubscribe) ?? [];
    expect(httpsUrl).toMatch(/^https:\/\/news\.example\.com\/api\/campaigns\/t\/u\//);
    expect(verifyToken(SECRET, 'unsubscribe', httpsUrl.split('/').pop()!, 1)).toEqual([delivery.id]);
    expect(mailto).toMatch(/^mailto:unsubscribe@example\.com\?subject=unsubscribe%20/);
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(rawHeader(mail, 'precedence')).toBe('bulk');
    expect(rawHeader(mail, 'feedback-id')).toBe(`${delivery.campaign_id}:a:campaigns:campaigns`);

    const html = String(mail.html);
    expect(html).toContain(person.email === 'zoe@pipeline.test' ? 'Hello Zoë &lt;b&gt;,' : `Hello ${person.firstName},`);
    expect(html).toContain(person.attributes?.plan === 'pro' ? 'Thanks for being a Pro member.' : 'Try Pro today.');
    expect(html).toContain('Three things that changed');
    expect(html).not.toContain('shop.example.com');
    const clickTokens = [...html.matchAll(/https:\/\/news\.example\.com\/api\/campaigns\/t\/c\/([^"]+)"/g)].map((m) => m[1]);
    expect(clickTokens).toHaveLength(2);
    const clicked = clickTokens.map((token) => verifyToken(SECRET, 'click', token, 2));
    expect(clicked.map((ids) => ids?.[0])).toEqual([delivery.id, delivery.id]);
    expect(clicked.map((ids) => links.find((l) => l.id === ids?.[1])?.url).sort()).toEqual(links.map((l) => l.url).sort());
    expect(html).toMatch(new RegExp(`src="https://news\\.example\\.com/api/campaigns/t/o/[^"]+"`));
    expect(html).toContain('/api/campaigns/t/v/');
    expect(mail.text).toContain(`Hello ${person.firstName}`);
    expect(mail.text).toContain('https://news.example.com/api/campaigns/t/c/');
    // The sink announces 8BITMIME: UTF-8 bodies go as they are, declared with MAIL FROM.
    expect(received.body).toBe('8BITMIME');
    if (person.email === 'zoe@pipeline.test') expect(received.raw).toContain('Content-Transfer-Encoding: 8bit\r\n\r\n');
  }
});

test('a template that reaches for code is refused when saved and when previewed, naming the field', async () => {
  const campaign = await service('campaigns').create({ name: 'Tricks', fromEmail: 'news@example.com', subject: 'Hi' });
  for (const [content, message] of [
    ['<mjml><mj-body><mj-text>{{ constructor }}</mj-text></mj-body></mjml>', /content: "constructor" reads "constructor"/],
    ['<mjml><mj-body><mj-text>{{ contact.constructor.name }}</mj-text></mj-body></mjml>', /content: .*reads "constructor"/],
    ['<mjml><mj-body><mj-text>{{ process.env.HOME }}</mj-text></mj-body></mjml>', /content: unknown variable "process.env.HOME"/],
    ['<mjml><mj-body><mj-text>{{ contact.firstName | evil }}</mj-text></mj-body></mjml>', /content: .*undefined filter: evil/],
  ] as const) {
    const saved = await api().put(`/campaigns/campaigns/${campaign.documentId}`).set(auth()).send({ data: { content } });
    expect(saved.status).toBe(400);
    expect(saved.body.error.message).toMatch(message);
    expect(saved.body.error.details.errors[0].path).toEqual(['content']);
    const preview = await api().post(`/campaigns/campaigns/${campaign.documentId}/preview`).set(auth()).send({ data: { content } });
    expect(preview.status).toBe(400);
    expect(preview.body.error.message).toMatch(message);
  }
  const loop =
    '<mjml><mj-body><mj-section><mj-column><mj-text>{% for i in (1..100000000) %}{{ i }}{% endfor %}</mj-text></mj-column></mj-section></mj-body></mjml>';
  const preview = await api()
    .post(`/campaigns/campaigns/${campaign.documentId}/preview`)
    .set(auth())
    .send({ data: { content: loop } });
  expect(preview.status).toBe(400);
  expect(preview.body.error.message).toMatch(/content: .*limit/i);
  const subject = await api()
    .put(`/campaigns/campaigns/${campaign.documentId}`)
    .set(auth())
    .send({ data: { subject: 'Hi {{ campaign.__proto__ }}' } });
  expect(subject.status).toBe(400);
  expect(subject.body.error.details.errors[0].path).toEqual(['subject']);
  expect(subject.body.error.details.errors[0].lines).toEqual([{ line: 1, message: expect.stringMatching(/reads "__proto__"/) }]);
  // The lines the code editor marks: in the preview's refusal as in the save's.
  const typo = await api()
    .post(`/campaigns/campaigns/${campaign.documentId}/preview`)
    .set(auth())
    .send({ data: { content: '<mjml>\n<mj-body>\n<mj-text>{{ contct.firstName }}</mj-text>\n</mj-body>\n</mjml>' } });
  expect(typo.status).toBe(400);
  expect(typo.body.error.details.errors).toEqual([
    expect.objectContaining({
      path: ['content'],
      lines: [{ line: 3, message: expect.stringMatching(/^unknown variable "contct.firstName"/) }],
    }),
  ]);
  const mjml = await api()
    .put(`/campaigns/campaigns/${campaign.documentId}`)
    .set(auth())
    .send({ data: { content: '<mjml><mj-body><mj-bogus/></mj-body></mjml>' } });
  expect(mjml.status).toBe(400);
  expect(mjml.body.error.message).toMatch(/content: MJML errors: line 1: Element mj-bogus/);
  expect(mjml.body.error.details.errors[0].lines).toEqual([{ line: 1, message: expect.stringMatching(/Element mj-bogus/) }]);
  const stored = await service('campaigns').findOne(campaign.documentId);
  expect(stored.content).toBeNull();
  expect(stored.subject).toBe('Hi');
});

test('preview renders for a chosen contact; a test send goes to the listed addresses only, marked as a test', async () => {
  const campaign = await seedCampaign(strapi(), 'Preview and test', [{ email: 'carla@preview.test', firstName: 'Carla' }]);
  const carla = await service('contacts').findByEmail('carla@preview.test');
  const sample = await api().post(`/campaigns/campaigns/${campaign.documentId}/preview`).set(auth()).send({ data: {} });
  expect(sample.status).toBe(200);
  expect(sample.body.data.subject).toBe('Autumn news for Alex');
  const asCarla = await api()
    .post(`/campaigns/campaigns/${campaign.documentId}/preview`)
    .set(auth())
    .send({ data: { contact: carla!.documentId } });
  expect(asCarla.body.data).toMatchObject({
    subject: 'Autumn news for Carla',
    contact: { documentId: carla!.documentId, email: 'carla@preview.test' },
  });
  expect(asCarla.body.data.html).toContain('Hello Carla,');
  expect(asCarla.body.data.html).toContain('href="https://shop.example.com/autumn?utm=mail&amp;x=1"');
  expect(asCarla.body.data.text).toContain('Hello Carla,');

  const before = sink().received.length;
  const bad = await api()
    .post(`/campaigns/campaigns/${campaign.documentId}/test`)
    .set(auth())
    .send({ data: { emails: ['one@qa.test', 'not-an-address'] } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/emails\.1/);
  const res = await api()
    .post(`/campaigns/campaigns/${campaign.documentId}/test`)
    .set(auth())
    .send({ data: { emails: ['one@qa.test', 'two@qa.test'], contact: carla!.documentId } });
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({ sent: ['one@qa.test', 'two@qa.test'] });
  const tests = sink().received.slice(before);
  expect(tests.map((m) => m.rcptTo[0])).toEqual(['one@qa.test', 'two@qa.test']);
  const testMail = await sink().parse(tests[0]);
  expect(testMail.subject).toBe('[Test] Autumn news for Carla');
  // A test records nothing: its links go straight to their targets.
  expect(String(testMail.html)).toContain('href="https://shop.example.com/autumn?utm=mail&amp;x=1"');
  expect(String(testMail.html)).toContain('href="https://blog.example.com/brewing"');
  expect(await service('campaigns').findOne(campaign.documentId)).toMatchObject({ state: 'draft' });
});

test('send now refuses a campaign that is not ready, naming what is missing, and changes nothing', async () => {
  const noSegment = await service('campaigns').create({
    name: 'Unready',
    subject: 'Hi',
    fromEmail: 'news@example.com',
    content: '<mjml><mj-body></mj-body></mjml>',
  });
  const res = await api().post(`/campaigns/campaigns/${noSegment.documentId}/send`).set(auth());
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/segment: choose the segment/);
  const unknownSender = await api()
    .put(`/campaigns/campaigns/${noSegment.documentId}`)
    .set(auth())
    .send({ data: { fromEmail: 'ceo@elsewhere.test' } });
  expect(unknownSender.status).toBe(400);
  expect(unknownSender.body.error.message).toMatch(/fromEmail: "ceo@elsewhere.test" is not a configured sender/);
  expect(await service('campaigns').findOne(noSegment.documentId)).toMatchObject({ state: 'draft' });
  const pause = await api().post(`/campaigns/campaigns/${noSegment.documentId}/pause`).set(auth());
  expect(pause.status).toBe(400);
  expect(pause.body.error.message).toMatch(/is draft: only a sending campaign can be paused/);
  const senders = await api().get('/campaigns/campaigns/senders').set(auth());
  expect(senders.body.data).toEqual([
    { email: 'news@example.com', name: 'Northwind Coffee' },
    { email: 'hello@example.com', name: 'Northwind Team' },
  ]);
});
