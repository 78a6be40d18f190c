import { compileContent } from '../compile';
import { withoutForeignFonts } from '../fonts';
import { joinHtmlText } from '../html-bytes';
import { renderRuns } from '../liquid';

const SITE = { mode: 'site', stylesheetUrl: 'https://www.example.com/fonts/brand.css', family: 'Brand Sans' } as const;
const SYSTEM = { mode: 'system', stylesheetUrl: null, family: null } as const;

const MJML = `<mjml><mj-head>
<mj-font name="Raleway" href="https://fonts.googleapis.com/css?family=Raleway" />
<mj-style>@import url('https://fonts.bunny.net/css?family=lato'); @font-face { font-family: Lato; src: url(https://fonts.gstatic.com/s/lato.woff2) format('woff2'); }</mj-style>
<mj-attributes><mj-all font-family="Roboto, Open Sans, sans-serif" /></mj-attributes>
</mj-head><mj-body><mj-section><mj-column>
<mj-text font-family="Open Sans">Hi</mj-text><mj-text font-family="Raleway">there</mj-text><mj-text font-family="Brand Sans">you</mj-text>
<mj-button href="https://shop.example.org/">Shop</mj-button>
</mj-column></mj-section></mj-body></mjml>`;

const htmlOf = async (fonts?: typeof SITE | typeof SYSTEM) => {
  const { html } = await compileContent({ subject: 'Hi', preheader: null, content: MJML, plainText: null }, { fonts });
  return joinHtmlText(
    html,
    renderRuns('content', html.runs, { _links: { l0: 'https://t.example/c/1' }, _open_url: 'https://t.example/o/1' }, 'html')
  );
};

test("system fonts: MJML's Google Fonts and the editor's font hosts are gone, the families and the links stay", async () => {
  const html = await htmlOf(SYSTEM);
  expect(html).not.toMatch(/googleapis|gstatic|bunny\.net|<link\b|@import|@font-face/);
  expect(html).toContain('font-family:Open Sans');
  expect(html).toContain('href="https://t.example/c/1"');
});

test("the site's fonts: its one stylesheet, nothing from another host", async () => {
  const html = await htmlOf(SITE);
  expect(html).not.toMatch(/googleapis|gstatic|bunny\.net/);
  expect(html).toContain('<link href="https://www.example.com/fonts/brand.css" rel="stylesheet" type="text/css">');
  expect(html).toContain('@import url(https://www.example.com/fonts/brand.css);');
});

test('compiling without a fonts setting is the system choice', async () => {
  const html = await htmlOf();
  expect(html).not.toMatch(/googleapis|<link\b/);
});

test('what fetches from the site itself or a relative URL stays; quotes, protocol-relative and upper case do not hide a host', () => {
  const html = [
    '<link rel="stylesheet" href="https://www.example.com/fonts/brand.css">',
    "<link rel='stylesheet' href='//fonts.googleapis.com/css?family=A'>",
    '<LINK REL=stylesheet HREF=HTTPS://FONTS.GOOGLEAPIS.COM/css>',
    '<style>@import "https://evil.example.net/x.css"; @import url(/local.css); @font-face{src:url("https://www.example.com/f.woff2")}</style>',
  ].join('\n');
  expect(withoutForeignFonts(html, SITE)).toBe(
    '<link rel="stylesheet" href="https://www.example.com/fonts/brand.css">\n\n\n<style> @import url(/local.css); @font-face{src:url("https://www.example.com/f.woff2")}</style>'
  );
});
