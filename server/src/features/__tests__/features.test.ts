import { ACTIONS } from '../../constants';
import { migrations } from '../../db/migrations';
import { orderMigrations } from '../../db/migration';
import { MAINTENANCE_QUEUE } from '../../queue/maintenance';
import { fromEveryFeature } from '..';

test('the migrations of every feature run in the order they always ran, under the ids recorded for them', () => {
  expect(migrations.map((migration) => migration.id)).toEqual([
    '001-delivery-tables',
    '002-audience-indexes',
    '003-imports',
    '004-source-index',
    '005-sends',
    '006-inbound-tables',
    '007-suppression-removals',
    '008-erasures',
    '009-send-plans',
    '010-tracking-write-cost',
    '011-machine-firsts',
    '012-domain-rollups',
    '013-frozen-entries',
    '014-replies',
    '015-experiment-decisions',
    '016-send-winner',
    '017-experiment-wait',
    '018-bandit-waves',
  ]);
});

test('two migrations with one id stop the load', () => {
  const up = async () => undefined;
  expect(() =>
    orderMigrations([
      { id: '001-a', up },
      { id: '001-a', up },
    ])
  ).toThrow('two migrations have the id "001-a"');
});

test('every action a route is guarded by is registered by exactly one feature, in the order the admin lists them', () => {
  const registered = fromEveryFeature('actions').map((action) => `plugin::campaigns.${action.uid}`);
  expect(registered).toEqual(Object.values(ACTIONS));
});

test('the queues keep their Redis names and the settings page keeps their order', () => {
  const queues = [MAINTENANCE_QUEUE, ...fromEveryFeature('queues')];
  expect(queues.map(({ key, name }) => `${key}=${name}`)).toEqual([
    'maintenance=campaigns-maintenance',
    'schedule=campaigns-schedule',
    'dispatch=campaigns-dispatch',
    'send=campaigns-send',
    'events=campaigns-events',
    'import=campaigns-import',
    'replies=campaigns-replies',
  ]);
});

test('each maintenance job has a schedule of its own', () => {
  const jobs = fromEveryFeature('maintenanceJobs');
  expect(jobs.map((job) => `${job.name}@${job.scheduler}/${job.everyMs}`)).toEqual([
    'reconcileSchedules@reconcile-schedules/60000',
    'tidySends@tidy-sends/60000',
    'tidyImports@tidy-imports/300000',
    'eventRetention@event-retention/600000',
    'decideExperiments@decide-experiments/60000',
  ]);
});
