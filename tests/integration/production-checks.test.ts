import type { Core } from '@strapi/strapi';
import { bearer, http, registerSuperAdmin } from '../helpers/admin';
import { createTestDatabase, databaseUnderTest } from '../helpers/database';
import { redisUrl, uniqueRedisPrefix } from '../helpers/redis';
import { TEST_SIGNING_SECRET } from '../helpers/sending';
import { bootTestApp, startStrapi, stopTestApp, type TestApp } from '../helpers/strapi';

const production = (publicUrl: string, extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  CAMPAIGNS_SIGNING_SECRET: TEST_SIGNING_SECRET,
  CAMPAIGNS_PUBLIC_URL: publicUrl,
  ...extra,
});

afterEach(() => {
  for (const key of [
    'NODE_ENV',
    'CAMPAIGNS_SIGNING_SECRET',
    'CAMPAIGNS_PUBLIC_URL',
    'CAMPAIGNS_ALLOW_INSECURE_PUBLIC_URL',
    'CAMPAIGNS_POSTAL_ADDRESS',
  ]) {
    delete process.env[key];
  }
});

test('production refuses an http publicUrl, naming the option and the way out', async () => {
  const database = await createTestDatabase(databaseUnderTest());
  try {
    const boot = startStrapi(
      { ...database.env, REDIS_URL: redisUrl(), CAMPAIGNS_REDIS_PREFIX: uniqueRedisPrefix() },
      { env: production('http://news.example.com') }
    );
    await expect(boot).rejects.toThrow(
      /campaigns\.publicUrl: "http:\/\/news\.example\.com" is http, production needs https.*campaigns\.allowInsecurePublicUrl: true/
    );
  } finally {
    await database.drop();
  }
});

describe('production with allowInsecurePublicUrl, no DKIM key and no postal address', () => {
  let app: TestApp | undefined;
  let warn: jest.SpyInstance | undefined;
  afterAll(() => stopTestApp(app));

  test('boots, warns once per missing option in the log, and the Settings API names them', async () => {
    app = await bootTestApp({
      env: production('http://news.example.com', { CAMPAIGNS_ALLOW_INSECURE_PUBLIC_URL: 'true', CAMPAIGNS_POSTAL_ADDRESS: '' }),
      beforeLoad: (strapi: Core.Strapi) => {
        warn = jest.spyOn(strapi.log, 'warn');
      },
    });
    const ours = warn!.mock.calls.map(([message]) => String(message)).filter((message) => message.startsWith('campaigns: '));
    expect(ours).toEqual([
      expect.stringMatching(/campaigns\.sending\.dkim is not set/),
      expect.stringMatching(/campaigns\.sending\.postalAddress is not set/),
    ]);

    const token = await registerSuperAdmin(app.strapi);
    const res = await http(app.strapi).get('/campaigns/settings').set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      publicUrl: 'http://news.example.com',
      dkim: null,
      postalAddress: null,
      warnings: ['dkim-missing', 'postal-address-missing'],
    });
  });
});
