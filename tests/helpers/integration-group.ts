import { getService, type Services } from '../../server/src/services/get-service';
import { bearer, http } from './admin';
import { bootWithAdmin, type AdminTestApp } from './admin-app';
import { resetPluginData } from './group-reset';
import { INTEGRATION } from './paths';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { stopTestApp } from './strapi';
import { describeModules, groupHandles } from './test-group';

export interface GroupBoot {
  /** Start an SMTP sink before the boot: the app sends to it (see sendingEnv). */
  smtpSink?: boolean;
  /** The environment the app boots with (plugin options are read from env by the playground config). */
  env?: (sink: SmtpSink | undefined) => Record<string, string | undefined>;
}

/** What a module of an integration group reads its app through; each handle reads the app when called. */
export interface GroupApp {
  app: () => AdminTestApp;
  strapi: () => AdminTestApp['strapi'];
  /** The JWT of the app's first admin (a super admin). */
  token: () => string;
  /** The super admin's Authorization header. */
  auth: () => { Authorization: string };
  api: () => ReturnType<typeof http>;
  service: <K extends keyof Services>(name: K) => Services[K];
  /** The group's SMTP sink (GroupBoot.smtpSink). */
  sink: () => SmtpSink;
}

/** The app of the integration group that loads this module: call it at the module's top level. */
export const useGroupApp = () => groupHandles<GroupApp>();

/**
 * One booted app (with its first admin) for several test modules: each module, a file under
 * tests/integration/<area>/, becomes a describe block named after it and starts from the plugin's
 * data of a fresh boot (group-reset.ts), so the modules read as if each had the app to itself, and
 * the boot is paid once. Modules share the boot's configuration: one that needs options the
 * others cannot take goes in a group (or a file) of its own.
 */
export const integrationGroup = (title: string, boot: GroupBoot, modules: string[]) => {
  describe(title, () => {
    let app: AdminTestApp | undefined;
    let sink: SmtpSink | undefined;

    beforeAll(async () => {
      if (boot.smtpSink) sink = await startSmtpSink();
      app = await bootWithAdmin({ env: () => boot.env?.(sink) ?? {} });
    });
    afterAll(async () => {
      // The sink outlives the app whose pooled connections it holds, or its close waits for them.
      try {
        await stopTestApp(app);
      } finally {
        await sink?.close();
      }
    });

    const booted = () => {
      if (!app) throw new Error(`the app of group "${title}" boots in beforeAll: call these handles from tests and hooks`);
      return app;
    };
    describeModules<GroupApp>(
      {
        app: booted,
        strapi: () => booted().strapi,
        token: () => booted().token,
        auth: () => bearer(booted().token),
        api: () => http(booted().strapi),
        service: (name) => getService(booted().strapi, name),
        sink: () => {
          if (!sink) throw new Error(`group "${title}" starts no SMTP sink: give it smtpSink: true`);
          return sink;
        },
      },
      INTEGRATION,
      modules,
      {
        async before(index) {
          if (index === 0) return;
          await resetPluginData(booted().strapi);
          sink?.clear();
        },
      }
    );
  });
};
