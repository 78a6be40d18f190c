import path from 'node:path';
import { getService, type Services } from '../../server/src/services/get-service';
import { bearer, http } from './admin';
import { bootWithAdmin, type AdminTestApp } from './admin-app';
import { resetPluginData } from './group-reset';
import { INTEGRATION } from './paths';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { stopTestApp } from './strapi';

export interface GroupBoot {
  /** Start an SMTP sink before the boot: the app sends to it (see sendingEnv). */
  smtpSink?: boolean;
  /** The environment the app boots with (plugin options are read from env by the playground config). */
  env?: (sink: SmtpSink | undefined) => Record<string, string | undefined>;
}

/** What a module of a group reads its app through; each handle reads the app when called. */
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

let loading: GroupApp | undefined;

/** The app of the group that is loading this module: call it at the module's top level. */
export const useGroupApp = (): GroupApp => {
  if (!loading) throw new Error('useGroupApp is called by a module of an integration group, at its top level (see tests/integration/README)');
  return loading;
};

/**
 * One booted app (with its first admin) for several test modules: each module, a file under
 * tests/integration/<area>/, becomes a describe block named after it, and starts from the plugin's
 * data of a fresh boot (group-reset.ts): the modules read as if each had the app to itself, and the
 * boot is paid once. Modules share the boot's configuration, so a module that needs other options
 * goes in a group of its own. The environment is restored after the app stops, so a second group
 * in the same file boots with only its own.
 */
export const integrationGroup = (title: string, boot: GroupBoot, modules: string[]) => {
  describe(title, () => {
    let app: AdminTestApp | undefined;
    let sink: SmtpSink | undefined;
    const envBefore = { ...process.env };

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
        for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key];
        Object.assign(process.env, envBefore);
      }
    });

    const booted = () => {
      if (!app) throw new Error(`the app of group "${title}" boots in beforeAll: call these handles from tests and hooks`);
      return app;
    };
    const handles: GroupApp = {
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
    };

    modules.forEach((module, index) => {
      describe(path.basename(module), () => {
        if (index > 0) {
          beforeAll(async () => {
            await resetPluginData(booted().strapi);
            sink?.clear();
          });
        }
        loading = handles;
        try {
          require(path.join(INTEGRATION, module));
        } finally {
          loading = undefined;
        }
        // A spy or a frozen clock a module left behind would reach into the next one.
        afterAll(() => {
          jest.restoreAllMocks();
          jest.useRealTimers();
        });
      });
    });
  });
};
