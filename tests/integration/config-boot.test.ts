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
  for (const key of ['NODE_ENV', 'CAMPAIGNS_SIGNING_SECRET', 'CAMPAIGNS_PUBLIC_URL', 'CAMPAIGNS_RATE', 'CAMPAIGNS_WORKER_MODE', 'REDIS_URL']) {
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
  expect(await bootError({ REDIS_URL: 'redis://127.0.0.1:1/0' })).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0 \(option campaigns\.redis\)/);
});
