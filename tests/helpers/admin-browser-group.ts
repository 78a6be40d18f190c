import type { Browser, Page } from 'playwright-core';
import { registerSuperAdmin } from './admin';
import { logInPage, newAdminPage, openAdminInBrowser, screenshotOf, type AdminInBrowser } from './admin-browser';
import { resetPluginData } from './group-reset';
import { E2E } from './paths';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import type { TestApp } from './strapi';
import { describeModules, groupHandles } from './test-group';

/** What a module of an end-to-end group drives the admin through; each handle reads it when called. */
export interface GroupBrowser {
  app: () => TestApp;
  /** This module's page, logged in as the super admin. */
  page: () => Page;
  browser: () => Browser;
  baseUrl: () => string;
  /** The super admin's JWT, for API calls beside the page. */
  token: () => string;
  /** A full-page screenshot of this module's page in the reports folder, as `<name>.png`. */
  screenshot: (name: string) => Promise<void>;
  /** The group's SMTP sink (`smtpSink` in its options). */
  sink: () => SmtpSink;
}

/** The admin of the end-to-end group that loads this module: call it at the module's top level. */
export const useGroupBrowser = () => groupHandles<GroupBrowser>();

/**
 * One app serving its admin panel, and one Chromium, for several end-to-end modules (files under
 * tests/e2e/<group>/): each module gets a fresh page (no storage, no cookies) logged in as the
 * super admin, and the plugin's data of a fresh boot, as it had from an admin of its own. The boot
 * and the browser launch are paid once. With `smtpSink`, a sink starts before the boot, `env` is
 * made from it, and it forgets what it received before each module.
 */
export const adminBrowserGroup = (
  title: string,
  env: Record<string, string> | ((sink: SmtpSink | undefined) => Record<string, string>),
  modules: string[],
  options: { smtpSink?: boolean } = {}
) => {
  describe(title, () => {
    let admin: AdminInBrowser | undefined;
    let token: string | undefined;
    let page: Page | undefined;
    let sink: SmtpSink | undefined;

    beforeAll(async () => {
      if (options.smtpSink) sink = await startSmtpSink();
      admin = await openAdminInBrowser(typeof env === 'function' ? env(sink) : env);
      token = await registerSuperAdmin(admin.app.strapi);
    });
    afterAll(async () => {
      // The sink outlives the app whose pooled connections it holds, or its close waits for them.
      try {
        await admin?.close();
      } finally {
        await sink?.close();
      }
    });

    const opened = () => {
      if (!admin || !token) throw new Error(`the admin of group "${title}" opens in beforeAll: call these handles from tests and hooks`);
      return { admin, token };
    };
    const current = () => {
      if (!page) throw new Error('the page opens before the module: call these handles from tests and hooks');
      return page;
    };
    describeModules<GroupBrowser>(
      {
        app: () => opened().admin.app,
        page: current,
        browser: () => opened().admin.browser,
        baseUrl: () => opened().admin.baseUrl,
        token: () => opened().token,
        screenshot: (name) => screenshotOf(current(), name),
        sink: () => {
          if (!sink) throw new Error(`group "${title}" starts no SMTP sink: give it { smtpSink: true }`);
          return sink;
        },
      },
      E2E,
      modules,
      {
        async before(index) {
          const { admin, token } = opened();
          if (index > 0) {
            await resetPluginData(admin.app.strapi);
            sink?.clear();
          }
          page = await newAdminPage(admin.browser);
          await logInPage(page, token);
        },
        async after() {
          await page?.close();
          page = undefined;
        },
      }
    );
  });
};
