import { getService, type Services } from '../../server/src/services/get-service';
import { bearer, http, registerSuperAdmin } from './admin';
import { bootTestApp, stopTestApp, type BootOptions, type TestApp } from './strapi';
import { afterAllInReverse } from './teardown';

export interface AdminTestApp extends TestApp {
  /** The JWT of the app's first admin (a super admin). */
  token: string;
}

/** A booted playground whose first admin is registered: where every admin API test starts. */
export const bootWithAdmin = async (options: BootOptions = {}): Promise<AdminTestApp> => {
  const app = await bootTestApp(options);
  try {
    return { ...app, token: await registerSuperAdmin(app.strapi) };
  } catch (error) {
    await stopTestApp(app);
    throw error;
  }
};

/**
 * Boots the app with its admin before this file's tests (beforeAll) and stops it after them,
 * before anything declared earlier (an SMTP sink) is closed. The handles read the app when called,
 * so they work anywhere a test or hook runs.
 */
export const useAdminApp = (options: BootOptions = {}) => {
  let app: AdminTestApp | undefined;
  beforeAll(async () => {
    app = await bootWithAdmin(options);
  });
  afterAllInReverse(() => stopTestApp(app));

  const booted = () => {
    if (!app) throw new Error('the app boots in beforeAll: call these handles from tests and hooks');
    return app;
  };
  return {
    app: booted,
    strapi: () => booted().strapi,
    token: () => booted().token,
    /** The super admin's Authorization header. */
    auth: () => bearer(booted().token),
    api: () => http(booted().strapi),
    service: <K extends keyof Services>(name: K) => getService(booted().strapi, name),
  };
};
