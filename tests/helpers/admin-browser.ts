import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { bootTestApp, stopTestApp, type TestApp } from './strapi';

export interface AdminInBrowser {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** The playground with its admin panel on a free port, and a Chromium page to drive it; `env` adds to its environment. */
export const openAdminInBrowser = async (env: Record<string, string> = {}): Promise<AdminInBrowser> => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await bootTestApp({ serveAdminPanel: true, env: { ...env, PORT: String(port), HOST: '127.0.0.1', CAMPAIGNS_PUBLIC_URL: baseUrl } });
  await new Promise<void>((resolve) => app.strapi.server.listen(port, '127.0.0.1', resolve));
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(15_000);
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
