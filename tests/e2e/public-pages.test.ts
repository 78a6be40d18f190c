import type { Browser, Page } from 'playwright-core';
import { source as AXE_SOURCE } from 'axe-core';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../shared/contracts/site-settings';
import { rootOf } from '../../server/src/composition/accessor';
import { signToken } from '../../server/src/features/tracking/tokens';
import { freePort, screenshotOf } from '../helpers/admin-browser';
import { launchChromium } from '../helpers/browser';
import { finished, seedCampaign, sendingEnv, TEST_SIGNING_SECRET, waitForProgress } from '../helpers/sending';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';
import { afterAllInReverse } from '../helpers/teardown';

/**
 * Every public page a recipient can reach, opened in Chromium as they would: axe-core finds no
 * serious or critical violation, the page keeps a strict Content-Security-Policy that the browser
 * enforces without refusing anything of the page's own, and every request it makes goes to the
 * site itself. No admin panel: these pages are the app's public side.
 */

/** Uses MJML's default fonts (Roboto, Open Sans) and an editor's Google Fonts link: the view page must load none of them. */
const CONTENT = `<mjml lang="en">
  <mj-head>
    <mj-title>Autumn news</mj-title>
    <mj-font name="Raleway" href="https://fonts.googleapis.com/css?family=Raleway" />
    <mj-attributes><mj-all font-family="Roboto, Helvetica, sans-serif" /></mj-attributes>
  </mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text font-family="Open Sans, sans-serif" color="#333333"><h1>Hello {{ contact.firstName }}</h1></mj-text>
      <mj-text font-family="Raleway" color="#333333">Our autumn blend is in.</mj-text>
      <mj-text color="#333333"><a href="{{ view_in_browser_url }}" style="color:#1a0dab">View online</a> · <a href="{{ preferences_url }}" style="color:#1a0dab">Preferences</a> · <a href="{{ unsubscribe_url }}" style="color:#1a0dab">Unsubscribe</a></mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;

let sink: SmtpSink | undefined;
let app: TestApp | undefined;
let browser: Browser | undefined;
let baseUrl: string;
const pathsOf: Record<string, { view: string; unsubscribe: string; preferences: string }> = {};

// Closed in reverse: the browser, then the app, then the sink that holds the app's pooled connections.
afterAllInReverse(() => sink?.close());
afterAllInReverse(() => stopTestApp(app));
afterAllInReverse(() => browser?.close());

const booted = () => {
  if (!app || !browser) throw new Error('the app and the browser start in beforeAll');
  return { strapi: app.strapi, browser };
};

beforeAll(async () => {
  sink = await startSmtpSink();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  app = await bootTestApp({ env: { ...sendingEnv(sink.port), PORT: String(port), HOST: '127.0.0.1', CAMPAIGNS_PUBLIC_URL: baseUrl } });
  const { strapi } = app;
  await new Promise<void>((resolve) => strapi.server.listen(port, '127.0.0.1', resolve));
  browser = await launchChromium();

  const people = [
    { email: 'olga@pages.test', firstName: 'Olga', locale: 'de' },
    { email: 'paul@pages.test', firstName: 'Paul' },
    { email: 'rita@pages.test', firstName: 'Rita', locale: 'de-CH' },
  ];
  const campaign = await seedCampaign(strapi, 'Public pages', people, { content: CONTENT });
  await strapi.plugin('campaigns').service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi, campaign.documentId, finished);
  for (const message of sink.received) {
    const html = String((await sink.parse(message)).html);
    const path = (kind: string) => new RegExp(`${baseUrl.replace(/\./g, '\\.')}(/api/campaigns/t/${kind}/[A-Za-z0-9._-]+)`).exec(html)![1];
    pathsOf[message.rcptTo[0]] = { view: path('v'), unsubscribe: path('u'), preferences: path('p') };
  }
  // Paul has unsubscribed: his link shows the "done" page.
  const oneClick = await fetch(`${baseUrl}${pathsOf['paul@pages.test'].unsubscribe}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(oneClick.status).toBe(200);
}, 180_000);

/**
 * The public pages, one line each: its name, its path (read when the test runs), the heading that
 * shows it is that page (the browser asks for fr-CA; Olga's locale is German), and, for a page
 * only a POST shows, the form body. A new page is one more line here.
 */
const PAGES: Array<{ name: string; path: () => string; status: number; heading: string; post?: string }> = [
  { name: 'unsubscribe form', path: () => pathsOf['olga@pages.test'].unsubscribe, status: 200, heading: 'Abmelden' },
  { name: 'unsubscribed (done)', path: () => pathsOf['paul@pages.test'].unsubscribe, status: 200, heading: 'Vous êtes désabonné' },
  {
    name: 'link not recognised (forged POST)',
    path: () => `${pathsOf['olga@pages.test'].unsubscribe.slice(0, -2)}xx`,
    status: 200,
    heading: 'Lien non reconnu',
    post: 'List-Unsubscribe=One-Click',
  },
  {
    name: 'test message',
    path: () => `/api/campaigns/t/u/${signToken(TEST_SIGNING_SECRET, 'unsubscribe', [0])}`,
    status: 200,
    heading: 'Message de test',
  },
  { name: 'not found', path: () => `${pathsOf['olga@pages.test'].view.slice(0, -2)}xx`, status: 404, heading: 'Page introuvable' },
  { name: 'view in browser', path: () => pathsOf['olga@pages.test'].view, status: 200, heading: 'Hello Olga' },
  { name: 'preferences', path: () => pathsOf['paul@pages.test'].preferences, status: 200, heading: 'Vos préférences e-mail' },
];

interface Visit {
  page: Page;
  status: number;
  csp: string;
  /** Every URL the page asked for, the document first. */
  requests: string[];
  /** What Chromium refused under the page's policy (it says so on the console). */
  refused: string[];
}

/** Opens the page; page.goto only GETs, so a page shown in answer to a form's POST is reached by turning the navigation into that POST. */
const open = async (page: Page, path: string, post?: string) => {
  const url = `${baseUrl}${path}`;
  if (post) {
    await page.route(url, (route) =>
      route.continue({
        method: 'POST',
        postData: post,
        headers: { ...route.request().headers(), 'content-type': 'application/x-www-form-urlencoded' },
      })
    );
  }
  return (await page.goto(url, { waitUntil: 'load' }))!;
};

const visit = async (path: string, post?: string): Promise<Visit> => {
  const page = await booted().browser.newPage({ locale: 'fr-CA' });
  const requests: string[] = [];
  const refused: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const response = await open(page, path, post);
  return { page, status: response.status(), csp: (await response.allHeaders())['content-security-policy'] ?? '', requests, refused };
};

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }>;
}

/**
 * axe-core over the same page in a context that ignores its policy: the policy forbids every
 * script (and sandboxes the message view, where not even DevTools' evaluation runs), and the
 * enforcing visit has already shown that the policy refuses nothing the page itself needs, so the
 * page axe sees is the one a reader sees.
 */
const axeViolations = async (path: string, post?: string) => {
  const context = await booted().browser.newContext({ bypassCSP: true, locale: 'fr-CA' });
  try {
    const page = await context.newPage();
    await open(page, path, post);
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(
      () => (globalThis as unknown as { axe: { run(): Promise<unknown> } }).axe.run() as Promise<AxeResult>
    );
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`);
  } finally {
    await context.close();
  }
};

const setSettings = (settings: SiteSettings) => rootOf(booted().strapi).siteSettings.save(settings);

const THEMED: SiteSettings = {
  ...DEFAULT_SITE_SETTINGS,
  theme: { siteName: 'Northwind Coffee', logoUrl: null, accentColor: '#ffd400', footer: 'Northwind Coffee\n1 Quay Road, Bristol' },
};

/**
 * Every page in the default theme; in a site's theme, the pages with buttons (the accent colour's
 * contrast is what a theme can break, and all pages share one stylesheet, so links are covered too).
 */
const WITH_BUTTONS = new Set(['unsubscribe form', 'unsubscribed (done)', 'preferences']);
const themedPages = PAGES.filter((p) => WITH_BUTTONS.has(p.name));
if (themedPages.length !== WITH_BUTTONS.size) throw new Error('public-pages.test.ts: WITH_BUTTONS names a page PAGES does not have');

describe.each([
  ['the default theme', DEFAULT_SITE_SETTINGS, PAGES],
  ['a site theme with a light accent colour', THEMED, themedPages],
] as const)('with %s', (theme, settings, pages) => {
  beforeAll(() => setSettings(settings));

  test.each(pages)(
    '$name: accessible, a strict policy the page keeps to, nothing from another host',
    async ({ name, path, status, post }) => {
      const { page, ...seen } = await visit(path(), post);
      try {
        expect(seen.status).toBe(status);
        expect(seen.csp).toMatch(/^default-src 'none'; /);
        expect(seen.csp).toContain("frame-ancestors 'none'");
        expect(seen.csp).toContain("base-uri 'none'");
        expect(seen.csp).not.toMatch(/unsafe-inline|script-src/);
        expect(seen.refused).toEqual([]);
        expect(seen.requests.length).toBeGreaterThan(0);
        expect(seen.requests.filter((url) => !url.startsWith(`${baseUrl}/`) && !url.startsWith('data:'))).toEqual([]);
        expect(await page.locator('script').count()).toBe(0);
        expect(await axeViolations(path(), post)).toEqual([]);
        await screenshotOf(page, `public-page ${name} (${theme})`);
      } finally {
        await page.close();
      }
    }
  );
});

test('the unsubscribe form works without JavaScript, in the contact’s language', async () => {
  const context = await booted().browser.newContext({ javaScriptEnabled: false, locale: 'fr-CA' });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}${pathsOf['rita@pages.test'].unsubscribe}`);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Sie sind abgemeldet' }).waitFor();
    const contact = await booted().strapi.plugin('campaigns').service('contacts').findByEmail('rita@pages.test');
    expect(contact?.state).toBe('unsubscribed');
  } finally {
    await context.close();
  }
});
