/**
 * Projects: fast unit tests beside the code, the integration suite once per database (the
 * database list comes from scripts/test.sh through CAMPAIGNS_TEST_DATABASES), the packed tarball
 * in a fresh host, and the Chromium end-to-end tests.
 */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

const databases = (process.env.CAMPAIGNS_TEST_DATABASES || 'sqlite').split(',').filter(Boolean);

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/server/src/**/__tests__/**/*.test.ts', '<rootDir>/admin/src/**/__tests__/**/*.test.ts', '<rootDir>/shared/**/__tests__/**/*.test.ts'] },
    ...databases.map((db) => ({
      ...common,
      displayName: `integration:${db}`,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
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
