import { useGroupApp } from '../../helpers/integration-group';
import { EVENT_WAIT_MS } from '../../helpers/wait';

const { strapi } = useGroupApp();

test('boots', async () => {
  expect(strapi().plugin('campaigns')).toBeDefined();
  expect(await strapi().plugin('campaigns').service('queues').ping(EVENT_WAIT_MS)).toMatchObject({ pid: process.pid });
});
