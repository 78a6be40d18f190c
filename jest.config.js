/**
 * Projects: fast unit tests beside the code, the integration suite once per database (the
 * database list comes from scripts/test.sh through CAMPAIGNS_TEST_DATABASES), the packed tarball
 * in a fresh host, and the Chromium end-to-end tests.
 */
const fs = require('node:fs');
const path = require('node:path');

const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

const ALL = ['sqlite', 'postgres', 'mysql'];
const SQLITE = ['sqlite'];
/** Dedicated worker processes writing beside the app need PostgreSQL or MySQL (README, "Scale-out"). */
const SERVERS = ['postgres', 'mysql'];

/**
 * The databases each integration file runs on. Files whose behaviour depends on the SQL the plugin
 * runs (segments, contacts in bulk, imports, the delivery store and send pipeline, events,
 * migrations) run on all three; the rest on SQLite only: a database adds only time to them. Files
 * in which a dedicated worker process and the test's app both write run on PostgreSQL and MySQL
 * only: on one SQLite file, a transaction that reads before it writes gets SQLITE_BUSY at once
 * while the other process holds the write lock. A file
 * that is not listed here stops the run: each new file says where it runs (README, "Tests").
 */
const INTEGRATION_DATABASES = {
  // Groups: one app per file, its modules (tests/integration/<group>/) share it.
  'audience.test.ts': ALL,
  'imports.test.ts': ALL,
  'sending.test.ts': ALL,
  'tracking.test.ts': ALL,
  'inbound.test.ts': ALL,
  'site-events.test.ts': ALL,
  'experiments.test.ts': ALL,
  'replies.test.ts': ALL, // its own configuration: a replies mailbox on a Dovecot started before the boot, the reply address; reply rows per dialect
  'admin-api.test.ts': SQLITE,
  'messages.test.ts': SQLITE,
  // An app of their own: a configuration or a boot no group shares.
  'plugin-tables.test.ts': ALL, // restarts the app on its database
  'send-workers.test.ts': SERVERS, // dedicated worker processes claiming deliveries concurrently
  'experiment-decision-restart.test.ts': SERVERS, // a worker process killed during an A/B test's wait, then a second boot on its database
  'audience-backfill-batch.test.ts': ALL, // a users source (config); batch upserts per dialect
  'import-housekeeping.test.ts': ALL, // no workers (config); lost and stale imports in SQL
  'audience-backfill.test.ts': SQLITE, // boots without a source, then restarts with one
  'audience-sources.test.ts': SQLITE, // users and subscribers sources (config)
  'config-boot.test.ts': SQLITE, // boots that must fail
  'production-checks.test.ts': SQLITE, // NODE_ENV=production
  'worker-process.test.ts': SQLITE, // dedicated mode, a worker process
  'event-write-thread.test.ts': SQLITE, // no app: the SQLite event write thread beside a connection of this process
  'demo-seed.test.ts': SQLITE, // the demo seed on a fresh database
  'dkim-campaign.test.ts': SQLITE, // a DKIM key (config)
  'public-rate-limits.test.ts': SQLITE, // low public limits behind a proxy (config)
  'inbound-mailboxes.test.ts': SQLITE, // bounce and feedback mailboxes on a Dovecot started before the boot (config)
  'redis-cluster.test.ts': SQLITE, // its own three-node Redis Cluster (config)
  'redis-sentinel.test.ts': SQLITE, // its own master, replica and sentinel (config)
  // No app: Redis or an SMTP server only.
  'rate-limiter.test.ts': SQLITE,
  'schedule-jobs.test.ts': SQLITE, // the scheduler's jobs and reconcile on Redis, with a store in memory
  'smtp-pool.test.ts': SQLITE,
  'dkim-signing.test.ts': SQLITE,
  'mailbox-watcher.test.ts': SQLITE, // Dovecot and Redis: the mailbox watcher with a recording intake
};

const integrationDir = path.join(__dirname, 'tests', 'integration');
const unlisted = fs.readdirSync(integrationDir).filter((file) => file.endsWith('.test.ts') && !(file in INTEGRATION_DATABASES));
if (unlisted.length) throw new Error(`jest.config.js: say which databases ${unlisted.join(', ')} run on (INTEGRATION_DATABASES)`);

const databases = (process.env.CAMPAIGNS_TEST_DATABASES || 'sqlite').split(',').filter(Boolean);

module.exports = {
  testSequencer: '<rootDir>/scripts/jest-sequencer.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/server/src/**/__tests__/**/*.test.ts',
        '<rootDir>/admin/src/**/__tests__/**/*.test.ts',
        '<rootDir>/shared/**/__tests__/**/*.test.ts',
      ],
    },
    ...databases.map((db) => ({
      ...common,
      displayName: `integration:${db}`,
      testMatch: Object.keys(INTEGRATION_DATABASES)
        .filter((file) => INTEGRATION_DATABASES[file].includes(db))
        .map((file) => `<rootDir>/tests/integration/${file}`),
      globals: { CAMPAIGNS_TEST_DATABASE: db },
      setupFiles: ['<rootDir>/tests/helpers/setup-database-env.ts'],
    })),
    { ...common, displayName: 'tools', testMatch: ['<rootDir>/tests/tools/**/*.test.ts'] },
    { ...common, displayName: 'package', testMatch: ['<rootDir>/tests/package/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
  // Above tests/helpers/wait.ts's EVENT_WAIT_MS: a wait that gives up says why before jest does.
  testTimeout: 180_000,
};
