import { TABLES } from '../../../server/src/constants';
import { rootOf } from '../../../server/src/composition/accessor';
import { useGroupApp } from '../../helpers/integration-group';
import { waitUntil } from '../../helpers/wait';

const { strapi, service } = useGroupApp();
const knex = () => strapi().db.connection;
const DAY = 86_400_000;

const keys = async () =>
  ((await knex()(TABLES.events).select('idempotency_key').orderBy('idempotency_key')) as Array<{ idempotency_key: string }>).map(
    (r) => r.idempotency_key
  );

const setRetention = async (rawEventDays: number | null) => {
  const settings = rootOf(strapi()).siteSettings;
  await settings.save({ ...(await settings.get()), retention: { rawEventDays } });
};

test('the retention job deletes raw events older than the setting, keeps newer ones, rollups and suppressions', async () => {
  const now = Date.now();
  const event = (key: string, ageDays: number) => ({
    idempotency_key: key,
    type: 'open',
    delivery_id: 1,
    campaign_id: 1,
    contact_id: 1,
    source: 'tracking',
    occurred_at: now - ageDays * DAY,
    created_at: now - ageDays * DAY,
  });
  await knex()(TABLES.events).insert([event('old:400', 400), event('old:31', 31), event('new:29', 29), event('new:0', 0)]);
  await knex()(TABLES.rollups).insert({ campaign_id: 1, variant: '', metric: 'opens', value: 4 });
  await strapi()
    .documents('plugin::campaigns.suppression' as 'plugin::campaigns.contact')
    .create({ data: { email: 'kept@example.com', emailHash: 'f'.repeat(64), reason: 'manual', scope: 'global' } as never });

  // Off (the default): nothing goes, however old.
  await setRetention(null);
  expect(await rootOf(strapi()).running.retention.run()).toEqual({ cutoff: null, deleted: 0, more: false });
  expect(await keys()).toHaveLength(4);

  // On, run as the maintenance queue runs it.
  await setRetention(30);
  await service('queues').queue('maintenance').add('eventRetention', {});
  await waitUntil(async () => (await keys()).length === 2, 'the retention job');
  expect(await keys()).toEqual(['new:0', 'new:29']);
  expect(await knex()(TABLES.rollups).select('metric', 'value')).toEqual([{ metric: 'opens', value: expect.anything() }]);
  expect(Number((await knex()(TABLES.rollups).first()).value)).toBe(4);
  expect(
    await strapi()
      .db.query('plugin::campaigns.suppression' as 'plugin::campaigns.contact')
      .count({ where: { emailHash: 'f'.repeat(64) } })
  ).toBe(1);
  await setRetention(null);
});
