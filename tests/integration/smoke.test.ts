import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await bootTestApp();
});
afterAll(() => stopTestApp(app));

test('boots', async () => {
  expect(app.strapi.plugin('campaigns')).toBeDefined();
  expect(await app.strapi.plugin('campaigns').service('queues').ping()).toMatchObject({ pid: process.pid });
});
