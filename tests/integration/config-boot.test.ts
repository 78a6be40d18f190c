import { createTestDatabase, databaseUnderTest } from '../helpers/database';
import { redisUrl, uniqueRedisPrefix } from '../helpers/redis';
import { startStrapi } from '../helpers/strapi';

/** Boots the playground with the given plugin environment and returns the error it stops with. */
const bootError = async (env: Record<string, string | undefined>) => {
  const database = await createTestDatabase(databaseUnderTest());
  try {
    await startStrapi({ ...database.env, REDIS_URL: redisUrl(), CAMPAIGNS_REDIS_PREFIX: uniqueRedisPrefix() }, { env });
    throw new Error('Strapi booted');
  } catch (error) {
    return (error as Error).message;
  } finally {
    await database.drop();
  }
};

afterEach(() => {
  for (const key of [
    'NODE_ENV',
    'CAMPAIGNS_SIGNING_SECRET',
    'CAMPAIGNS_PUBLIC_URL',
    'CAMPAIGNS_RATE',
    'CAMPAIGNS_WORKER_MODE',
    'REDIS_URL',
    'CAMPAIGNS_SOURCE_USERS',
    'CAMPAIGNS_SOURCE_USERS_UID',
    'CAMPAIGNS_SOURCE_USERS_EMAIL_FIELD',
    'CAMPAIGNS_SOURCE_USERS_FIELDS',
    'CAMPAIGNS_SOURCE_USERS_DELETES',
  ]) {
    delete process.env[key];
  }
});

test('a wrong type stops the boot, naming the option', async () => {
  expect(await bootError({ CAMPAIGNS_RATE: 'fast' })).toMatch(/campaigns\.rateLimits\.messagesPerSecond: .*number/);
});

test('an unknown worker mode stops the boot, naming the option', async () => {
  expect(await bootError({ CAMPAIGNS_WORKER_MODE: 'sometimes' })).toMatch(/campaigns\.workerMode/);
});

test('a short signing secret stops the boot', async () => {
  expect(await bootError({ CAMPAIGNS_SIGNING_SECRET: 'short' })).toMatch(/campaigns\.signingSecret: at least 32 characters/);
});

test('production refuses to start without a signing secret and a public URL', async () => {
  const message = await bootError({ NODE_ENV: 'production', CAMPAIGNS_SIGNING_SECRET: '', CAMPAIGNS_PUBLIC_URL: '' });
  expect(message).toMatch(/required in production: campaigns\.signingSecret .*campaigns\.publicUrl/);
});

test('an unreachable Redis stops the boot, naming the option', async () => {
  expect(await bootError({ REDIS_URL: 'redis://127.0.0.1:1/0' })).toMatch(
    /cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0 \(option campaigns\.redis\)/
  );
});

describe('an audience source that does not match the app stops the boot, naming the option', () => {
  const source = (env: Record<string, string>) => bootError({ CAMPAIGNS_SOURCE_USERS: 'true', ...env });

  test('an unknown content type', async () => {
    expect(await source({ CAMPAIGNS_SOURCE_USERS_UID: 'plugin::users-permissions.member' })).toMatch(
      /campaigns\.audienceSources\[0\]\.uid: "plugin::users-permissions\.member" is not a content type of this app/
    );
  });

  test('an email field the content type does not have', async () => {
    expect(await source({ CAMPAIGNS_SOURCE_USERS_EMAIL_FIELD: 'mail' })).toMatch(
      /campaigns\.audienceSources\[0\]\.emailField: "mail" is not an attribute of plugin::users-permissions\.user/
    );
  });

  test('a mapped field the content type does not have, or one that must not be copied', async () => {
    expect(await source({ CAMPAIGNS_SOURCE_USERS_FIELDS: '{"firstName":"givenName"}' })).toMatch(
      /campaigns\.audienceSources\[0\]\.fields\.firstName: "givenName" is not an attribute of plugin::users-permissions\.user/
    );
    expect(await source({ CAMPAIGNS_SOURCE_USERS_FIELDS: '{"attribute:role":"role"}' })).toMatch(
      /campaigns\.audienceSources\[0\]\.fields\.attribute:role: "role" of plugin::users-permissions\.user is a relation attribute/
    );
    expect(await source({ CAMPAIGNS_SOURCE_USERS_FIELDS: '{"attribute:pw":"password"}' })).toMatch(
      /fields\.attribute:pw: "password" .* is a password attribute/
    );
  });

  test('a bad option value, before any content type is looked at', async () => {
    expect(await source({ CAMPAIGNS_SOURCE_USERS_DELETES: 'keep' })).toMatch(/campaigns\.audienceSources\[0\]\.mirrorDeletes/);
  });
});
