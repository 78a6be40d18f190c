import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';
import { EVENT_WAIT_MS } from '../helpers/wait';

let app: TestApp;
beforeAll(async () => {
  app = await bootTestApp();
});
afterAll(() => stopTestApp(app));

test('boots', async () => {
  expect(app.strapi.plugin('campaigns')).toBeDefined();
  expect(await app.strapi.plugin('campaigns').service('queues').ping(EVENT_WAIT_MS)).toMatchObject({ pid: process.pid });
});
