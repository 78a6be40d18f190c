import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { registerSuperAdmin } from './admin';
import { launchChromium } from './browser';
import { REPORTS } from './paths';
import { bootTestApp, stopTestApp, type TestApp } from './strapi';
import { afterAllInReverse } from './teardown';

export interface AdminInBrowser {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** A page of its own (a fresh browser context: no storage, no cookies) sized for the admin. */
export const newAdminPage = async (browser: Browser) => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Generous: a loaded machine renders the admin slowly; jest's testTimeout is longer still.
  page.setDefaultTimeout(45_000);
  return page;
};

/** The playground with its admin panel on a free port, and a Chromium page to drive it; `env` adds to its environment. */
export const openAdminInBrowser = async (env: Record<string, string> = {}): Promise<AdminInBrowser> => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await bootTestApp({
    serveAdminPanel: true,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', CAMPAIGNS_PUBLIC_URL: baseUrl },
  });
  await new Promise<void>((resolve) => app.strapi.server.listen(port, '127.0.0.1', resolve));
  const browser = await launchChromium();
  const page = await newAdminPage(browser);
  return {
    app,
    baseUrl,
    browser,
    page,
    async close() {
      await browser.close();
      await stopTestApp(app);
    },
  };
};

type BrowserGlobal = { localStorage: { setItem(key: string, value: string): void } };

/** Logs a page in as the admin of this JWT: the admin panel reads it from localStorage. */
export const logInPage = (page: Page, token: string) =>
  page.addInitScript((jwt) => (globalThis as unknown as BrowserGlobal).localStorage.setItem('jwtToken', JSON.stringify(jwt)), token);

/**
 * Lets the admin's notifications (Strapi's toasts, top centre, 50rem wide) time out and go. A toast
 * under the pointer never goes (hovering pauses it) and takes the clicks meant for what is under it:
 * a click on a link at the top of the page waited behind one for as long as the test let it. The
 * pointer moves away first, then every toast is waited out.
 */
export const waitOutNotifications = async (page: Page) => {
  await page.mouse.move(0, (page.viewportSize()?.height ?? 1) - 1);
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached' });
};

/** A full-page screenshot in the reports folder, as `<name>.png`. */
export const screenshotOf = async (page: Page, name: string) => {
  fs.mkdirSync(path.join(REPORTS, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(REPORTS, 'screenshots', `${name}.png`), fullPage: true });
};

/** Registers the app's first admin through the API and logs the page in as it. */
const logIn = async ({ app, page }: AdminInBrowser) => {
  const token = await registerSuperAdmin(app.strapi);
  await logInPage(page, token);
  return token;
};

/**
 * Opens the admin in Chromium before this file's tests (beforeAll) and closes it after them, before
 * anything declared earlier (an SMTP sink) is closed; with `logIn`, the page is logged in as the registered super admin. The handles read
 * the browser when called, from tests and hooks.
 */
export const useAdminInBrowser = (options: { env?: Record<string, string>; logIn?: boolean } = {}) => {
  let admin: AdminInBrowser | undefined;
  let token: string | undefined;
  beforeAll(async () => {
    admin = await openAdminInBrowser(options.env);
    if (options.logIn) token = await logIn(admin);
  }, 120_000);
  afterAllInReverse(() => admin?.close());

  const opened = () => {
    if (!admin) throw new Error('the browser opens in beforeAll: call these handles from tests and hooks');
    return admin;
  };
  return {
    app: () => opened().app,
    page: () => opened().page,
    browser: () => opened().browser,
    baseUrl: () => opened().baseUrl,
    /** The logged-in admin's JWT, for API calls beside the page. */
    token: () => {
      if (!token) throw new Error('no admin logged in: pass { logIn: true }');
      return token;
    },
    /** A full-page screenshot in the reports folder, as `<name>.png`. */
    screenshot: (name: string) => screenshotOf(opened().page, name),
  };
};
