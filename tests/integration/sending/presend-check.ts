import type { PresendReport } from '../../../shared/contracts/presend';
import { useGroupApp } from '../../helpers/integration-group';
import { NEWSLETTER, seedCampaign } from '../../helpers/sending';

/**
 * The pre-send check through the admin API, on a campaign as saved: its message rendered for the
 * sample contact, read by the rules, and its links fetched by the real server through the address
 * guard (this machine's own addresses, which a campaign must never make the server fetch).
 */
const { strapi, api, auth } = useGroupApp();

const CONTENT = `<mjml><mj-body><mj-section><mj-column>
  <mj-image src="https://cdn.invalid/menu.png"></mj-image>
  <mj-text>Hi {{ contact.firstName }}</mj-text>
  <mj-button href="http://127.0.0.1:9/admin">Admin</mj-button>
  <mj-text><a href="http://localhost:9/internal">Inside</a> <a href="mailto:hello@example.com">Write to us</a></mj-text>
</mj-column></mj-section></mj-body></mjml>`;

test('finds what would hurt the campaign: no opt-out or postal address, a merge tag without fallback, an undescribed image, links to this machine', async () => {
  const campaign = await seedCampaign(strapi(), 'Checked', [], { content: CONTENT, preheader: null });
  const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/check`).set(auth());
  expect(res.status).toBe(200);
  const report: PresendReport = res.body.data;
  expect(report).toMatchObject({ documentId: campaign.documentId, blocking: true, linksChecked: 2 });
  expect(report.findings.map((f) => [f.severity, f.rule, f.part, f.at])).toEqual([
    ['error', 'unsubscribe-missing', 'content', null],
    ['error', 'postal-address-missing', 'content', null],
    ['error', 'link-unsafe', 'links', 'http://127.0.0.1:9/admin'],
    ['error', 'link-unsafe', 'links', 'http://localhost:9/internal'],
    ['warning', 'preheader-missing', 'preheader', null],
    ['warning', 'image-alt-missing', 'content', 'https://cdn.invalid/menu.png'],
    ['warning', 'image-text-ratio', 'content', null],
    ['warning', 'link-insecure', 'content', 'http://127.0.0.1:9/admin'],
    ['warning', 'link-insecure', 'content', 'http://localhost:9/internal'],
    ['warning', 'merge-tag-fallback', 'content', '{{ contact.firstName }}'],
  ]);
  expect(report.findings.find((f) => f.at === 'http://localhost:9/internal' && f.rule === 'link-unsafe')?.message).toMatch(
    /localhost resolves to (127\.0\.0\.1|::1), a private or reserved address/
  );
});

test("the newsletter with its postal address passes the message rules (its links to example.com's hosts are only fetched)", async () => {
  const content = NEWSLETTER.replace('>Unsubscribe</a>', '>Unsubscribe</a> · {{ postal_address }}');
  const campaign = await seedCampaign(strapi(), 'Clean', [], { content });
  const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/check`).set(auth());
  expect(res.status).toBe(200);
  const report: PresendReport = res.body.data;
  expect(report.linksChecked).toBe(2);
  // Whether this machine reaches the web decides the links' verdicts; the message itself has nothing to fix.
  expect(report.findings.filter((f) => f.part !== 'links')).toEqual([]);
});

test('an unknown campaign is a 404', async () => {
  const res = await api().post('/campaigns/campaigns/nosuchcampaign0000000000/check').set(auth());
  expect(res.status).toBe(404);
});
