import { createHash } from 'node:crypto';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../../shared/contracts/site-settings';
import { rootOf } from '../../../server/src/composition/accessor';
import { signToken } from '../../../server/src/features/tracking/tokens';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, TEST_PUBLIC_URL, TEST_SIGNING_SECRET, waitForProgress } from '../../helpers/sending';
import { ITALIAN_MARK } from '../../helpers/pages';

const { strapi, service, api, auth, sink } = useGroupApp();

/** MJML's default fonts in use (Roboto, Open Sans) and an editor's own Google Fonts link: none of them may reach a reader. */
const FONTY = `<mjml>
  <mj-head>
    <mj-font name="Raleway" href="https://fonts.googleapis.com/css?family=Raleway" />
    <mj-attributes><mj-all font-family="Roboto, Helvetica, sans-serif" /></mj-attributes>
  </mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text font-family="Open Sans, sans-serif">Hello {{ contact.firstName }}</mj-text>
      <mj-text font-family="Raleway">Brand Sans and Roboto</mj-text>
      <mj-text font-family="Brand Sans">Ours</mj-text>
      <mj-text><a href="{{ view_in_browser_url }}">view</a> <a href="{{ unsubscribe_url }}">unsubscribe</a></mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;

const SITE_FONTS: SiteSettings['fonts'] = { mode: 'site', stylesheetUrl: 'https://www.example.com/fonts/brand.css', family: 'Brand Sans' };

const people = [
  { email: 'dora@pages.test', firstName: 'Dora', locale: 'de-AT' },
  { email: 'ines@pages.test', firstName: 'Ines', locale: 'es' },
  { email: 'ugo@pages.test', firstName: 'Ugo', locale: 'it-IT' },
  { email: 'nemo@pages.test', firstName: 'Nemo' },
];

type Received = Record<string, { html: string; view: string; unsubscribe: string }>;

const pathOf = (html: string, kind: string) => {
  const match = new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/${kind}/[A-Za-z0-9._-]+)`).exec(html);
  if (!match) throw new Error(`no /t/${kind}/ link in the message`);
  return match[1];
};

const putSettings = (settings: SiteSettings) => api().put('/campaigns/settings/site').set(auth()).send({ data: settings }).expect(200);

/** Sends the campaign to these new contacts: each one's message, its HTML and public paths (the public URL taken off). */
const sendFonty = async (name: string, to: typeof people): Promise<Received> => {
  const before = sink().received.length;
  const campaign = await seedCampaign(strapi(), name, to, { content: FONTY });
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  const received: Received = {};
  for (const message of sink().received.slice(before)) {
    const html = String((await sink().parse(message)).html);
    received[message.rcptTo[0]] = { html, view: pathOf(html, 'v'), unsubscribe: pathOf(html, 'u') };
  }
  expect(Object.keys(received).sort()).toEqual(to.map((p) => p.email).sort());
  return received;
};

/** The messages sent with the default settings (the system fonts), one per person. */
let received: Received;
beforeAll(async () => {
  received = await sendFonty('Fonts system', people);
});

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('with the system fonts (the default)', () => {
  test('no message carries a Google Fonts link, @import or any other font host', () => {
    for (const { html } of Object.values(received)) {
      expect(html).not.toMatch(/fonts\.googleapis\.com|fonts\.gstatic\.com|<link\b|@import/);
      expect(html).toContain('font-family:Open Sans, sans-serif');
    }
  });

  test('the view page loads no font either, and its policy allows no font or style host', async () => {
    const res = await api().get(received['dora@pages.test'].view).expect(200);
    expect(res.text).toContain('Hello Dora');
    expect(res.text).not.toMatch(/fonts\.googleapis\.com|<link\b|@import/);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("font-src 'self';");
    expect(csp).toMatch(/style-src-elem 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp).not.toContain('unsafe-inline');
    // Every <style> of the page is allowed by the hash of its text as a browser parses it (CRLF read as LF).
    for (const [, css] of res.text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) expect(csp).toContain(sha(css.replace(/\r\n?/g, '\n')));
  });
});

describe('the language of a page', () => {
  test("is the contact's locale first, whatever the browser asks", async () => {
    const dora = await api().get(received['dora@pages.test'].unsubscribe).set('Accept-Language', 'fr-FR,fr;q=0.9').expect(200);
    expect(dora.headers['content-language']).toBe('de');
    expect(dora.text).toContain('<html lang="de">');
    expect(dora.text).toContain('Keine E-Mails mehr an <strong>d***@pages.test</strong> senden?');
    const ines = await api().get(received['ines@pages.test'].unsubscribe).expect(200);
    expect(ines.text).toContain('<button type="submit">Darse de baja</button>');
  });

  test('a language the site added (config pages.languages) is one like the others', async () => {
    const ugo = await api().get(received['ugo@pages.test'].unsubscribe).expect(200);
    expect(ugo.text).toContain('<html lang="it">');
    expect(ugo.text).toContain(ITALIAN_MARK);
  });

  test('without a contact locale: the browser’s Accept-Language by q-value (fr-CA is fr), else English', async () => {
    const path = received['nemo@pages.test'].unsubscribe;
    const french = await api().get(path).set('Accept-Language', 'ja;q=1, fr-CA;q=0.8, de;q=0.5').expect(200);
    expect(french.text).toContain('<html lang="fr">');
    expect(french.text).toContain('Ne plus envoyer d&#39;e-mails à <strong>n***@pages.test</strong> ?');
    const english = await api().get(path).set('Accept-Language', 'ja, zh;q=0.5').expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Stop sending campaigns to');
    expect((await api().get(path).expect(200)).text).toContain('<html lang="en">');
  });

  test('error pages follow the browser: not found, a test link, a forged unsubscribe POST', async () => {
    const notFound = await api()
      .get(`${received['nemo@pages.test'].view.slice(0, -2)}xx`)
      .set('Accept-Language', 'es-MX');
    expect(notFound.status).toBe(404);
    expect(notFound.text).toContain('<h1>No encontrado</h1>');
    const test = await api()
      .get(`/api/campaigns/t/u/${signToken(TEST_SIGNING_SECRET, 'unsubscribe', [0])}`)
      .set('Accept-Language', 'de');
    expect(test.text).toContain('<h1>Testnachricht</h1>');
    const forged = await api()
      .post(`${received['nemo@pages.test'].unsubscribe.slice(0, -2)}xx`)
      .set('Accept-Language', 'fr')
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(forged.status).toBe(200);
    expect(forged.text).toContain('<h1>Lien non reconnu</h1>');
  });

  test("the one-click POST answers in the contact's language", async () => {
    const res = await api().post(received['dora@pages.test'].unsubscribe).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(res.text).toContain('<h1>Sie sind abgemeldet</h1>');
    expect((await service('contacts').findByEmail('dora@pages.test'))?.state).toBe('unsubscribed');
  });
});

describe("the editor's theme", () => {
  test('name, logo, accent colour and footer show on every page, under a policy allowing exactly them', async () => {
    await putSettings({
      ...DEFAULT_SITE_SETTINGS,
      theme: {
        siteName: 'Northwind <Coffee>',
        logoUrl: 'https://cdn.example.org/logo.svg',
        accentColor: '#0b6e4f',
        footer: 'Northwind\n1 Quay Road',
      },
    });
    const res = await api().get(received['nemo@pages.test'].unsubscribe).expect(200);
    expect(res.text).toContain('<title>Unsubscribe – Northwind &lt;Coffee&gt;</title>');
    expect(res.text).toContain('<img src="https://cdn.example.org/logo.svg" alt="Northwind &lt;Coffee&gt; logo">');
    expect(res.text).toContain('background:#0b6e4f;color:#ffffff');
    expect(res.text).toContain('<footer>Northwind\n1 Quay Road</footer>');
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.text)![1];
    expect(res.headers['content-security-policy']).toBe(
      `default-src 'none'; style-src 'self' ${sha(style)}; font-src 'self'; img-src 'self' data: https://cdn.example.org; ` +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    );
    expect(res.text).not.toMatch(/<script|\son[a-z]+=/i);
  });

  test('without a footer of its own the page shows the configured postal address', async () => {
    await putSettings(DEFAULT_SITE_SETTINGS);
    const res = await api().get(received['nemo@pages.test'].unsubscribe).expect(200);
    expect(res.text).toContain(`<footer>${rootOf(strapi()).config.sending.postalAddress}</footer>`);
    expect(res.text).not.toMatch(/<header>/);
  });
});

describe("with the site's fonts", () => {
  let site: Received;
  beforeAll(async () => {
    await putSettings({ ...DEFAULT_SITE_SETTINGS, fonts: SITE_FONTS });
    site = await sendFonty('Fonts site', [{ email: 'sita@pages.test', firstName: 'Sita', locale: 'en' }]);
  });

  test("messages link the site's one stylesheet and nothing of Google's", () => {
    for (const { html } of Object.values(site)) {
      expect(html).not.toMatch(/fonts\.googleapis\.com|fonts\.gstatic\.com/);
      expect(html).toContain('<link href="https://www.example.com/fonts/brand.css" rel="stylesheet" type="text/css">');
    }
  });

  test("pages and the view page allow the stylesheet's origin for fonts and styles, and no other", async () => {
    const page = await api().get(site['sita@pages.test'].unsubscribe).expect(200);
    expect(page.text).toContain('<link rel="stylesheet" href="https://www.example.com/fonts/brand.css">');
    expect(page.text).toContain('font:16px/1.5 "Brand Sans",');
    expect(page.headers['content-security-policy']).toContain("font-src 'self' https://www.example.com;");
    const view = await api().get(site['sita@pages.test'].view).expect(200);
    expect(view.text).not.toMatch(/fonts\.googleapis\.com/);
    expect(view.headers['content-security-policy']).toContain("font-src 'self' https://www.example.com;");
  });
});
