import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, TEST_PUBLIC_URL, waitForProgress } from '../../helpers/sending';

const { strapi, service, api, sink } = useGroupApp();

const PNG_MAGIC = '89504e470d0a1a0a';

/** The visual builder's "Social links" block, and one icon the editor chose. */
const SOCIAL = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Follow us, {{ contact.firstName }}</mj-text>
  <mj-social font-size="12px" icon-size="24px" border-radius="12px" mode="horizontal">
    <mj-social-element name="facebook" href="https://www.facebook.com/"></mj-social-element>
    <mj-social-element name="x" href="https://x.com/"></mj-social-element>
    <mj-social-element name="linkedin" href="https://www.linkedin.com/"></mj-social-element>
    <mj-social-element name="github-noshare" href="https://github.com/" src="https://img.example.org/gh.png"></mj-social-element>
  </mj-social>
</mj-column></mj-section></mj-body></mjml>`;

test('a social icon is a public, immutable PNG of the site', async () => {
  for (const file of ['facebook.png', 'twitter-x.png', 'linkedin.png']) {
    const res = await api().get(`/api/campaigns/social/${file}`).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // supertest reads an image/* answer into a Buffer.
    expect((res.body as Buffer).subarray(0, 8).toString('hex')).toBe(PNG_MAGIC);
  }
});

test('an unknown icon, or a name that is no file of MJML, is a 404', async () => {
  for (const file of ['myspace.png', 'facebook', 'facebook.gif', '..%2Fpackage.json', 'constructor.png']) {
    const res = await api().get(`/api/campaigns/social/${file}`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).not.toBe('image/png');
  }
});

test("a sent message's social icons are the site's, none of Mailjet's, and each of them answers", async () => {
  const before = sink().received.length;
  const campaign = await seedCampaign(strapi(), 'Social icons', [{ email: 'sol@social.test', firstName: 'Sol' }], { content: SOCIAL });
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  const [message] = sink().received.slice(before);
  const parsed = await sink().parse(message);
  expect(message.raw).not.toMatch(/mailjet/i);
  const html = String(parsed.html);
  expect(html).not.toMatch(/mailjet/i);
  expect(html).toContain('Follow us, Sol');
  expect(html).toContain('src="https://img.example.org/gh.png"');
  const icons = [...html.matchAll(/src="([^"]+\/api\/campaigns\/social\/[^"]+)"/g)].map((m) => m[1]);
  expect(icons).toEqual([
    `${TEST_PUBLIC_URL}/api/campaigns/social/facebook.png`,
    `${TEST_PUBLIC_URL}/api/campaigns/social/twitter-x.png`,
    `${TEST_PUBLIC_URL}/api/campaigns/social/linkedin.png`,
  ]);
  for (const url of icons) await api().get(url.slice(TEST_PUBLIC_URL.length)).expect(200);
});
