import { readFileSync } from 'node:fs';
import { compileContent } from '../compile';
import { joinHtmlText } from '../html-bytes';
import { renderRuns } from '../liquid';
import { MJML_SOCIAL_ICON_BASE } from '../../../../shared/social-icons';
import { socialIconPng } from '../social-icons';

const SOCIAL = `<mjml><mj-body><mj-section><mj-column>
  <mj-social icon-size="24px">
    <mj-social-element name="facebook" href="https://www.facebook.com/">Facebook</mj-social-element>
    <mj-social-element name="x-noshare" href="https://x.com/beans">X</mj-social-element>
    <mj-social-element name="linkedin" href="https://www.linkedin.com/" src="https://cdn.example.com/in.png">LinkedIn</mj-social-element>
  </mj-social>
</mj-column></mj-section></mj-body></mjml>`;

const htmlOf = async (publicUrl?: string | null) => {
  const compiled = await compileContent({ subject: 'Hi', preheader: null, content: SOCIAL, plainText: null }, { publicUrl });
  const data = {
    _links: { l0: 'https://t.example/c/1', l1: 'https://t.example/c/2', l2: 'https://t.example/c/3' },
    _open_url: 'https://t.example/o/1',
  };
  return joinHtmlText(compiled.html, renderRuns('content', compiled.html.runs, data, 'html'));
};

test("MJML's default social icons come from the site's public URL, an icon the editor chose stays", async () => {
  const html = await htmlOf('https://cms.example.org/');
  expect(html).not.toContain('mailjet.com');
  expect(html).toContain('src="https://cms.example.org/api/campaigns/social/facebook.png"');
  expect(html).toContain('src="https://cms.example.org/api/campaigns/social/twitter-x.png"');
  expect(html).toContain('src="https://cdn.example.com/in.png"');
});

test('without a public URL the icons are a path on the same site (previews in the admin)', async () => {
  const html = await htmlOf(null);
  expect(html).not.toContain('mailjet.com');
  expect(html).toContain('src="/api/campaigns/social/facebook.png"');
});

test('every icon MJML links to has a PNG; other names have none', () => {
  const socialElement = readFileSync(require.resolve('mjml-social/lib/SocialElement.js'), 'utf8');
  const files = [...socialElement.matchAll(/\$\{IMG_BASE_URL\}([\w-]+\.png)/g)].map((m) => m[1]);
  expect(socialElement).toContain(`'${MJML_SOCIAL_ICON_BASE}'`);
  expect(files.length).toBeGreaterThanOrEqual(15);
  for (const file of files) expect(socialIconPng(file)?.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  for (const file of ['nope.png', 'facebook', '../icons.ts', 'constructor.png', 'toString']) expect(socialIconPng(file)).toBeNull();
});
