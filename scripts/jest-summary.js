'use strict';

/**
 * Reads jest's JSON report and prints the failures, then the plain closing line
 * "N passed, N failed". A suite that failed to run counts as one failure, so a crash can never
 * pass for green; so does a selected jest project that ran no file (reports/jest-projects.json).
 * Before the last line it says which integration databases ran and the ten slowest test files, with
 * their project: where the run's time goes. Exits non-zero when anything failed or no test ran.
 */
const fs = require('node:fs');
const path = require('node:path');

const file = process.argv[2] || 'reports/jest.json';
if (!fs.existsSync(file)) {
  console.log('jest wrote no report: it did not run');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const brokenSuites = report.testResults.filter(
  (suite) => suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed')
);
for (const suite of report.testResults) {
  for (const test of suite.assertionResults.filter((a) => a.status === 'failed')) {
    console.log(`FAILED ${suite.name.replace(process.cwd() + '/', '')} › ${test.fullName}`);
  }
}
for (const suite of brokenSuites) {
  console.log(
    `FAILED ${suite.name.replace(process.cwd() + '/', '')} (did not run: ${(suite.message || '').split('\n').find(Boolean) || 'see above'})`
  );
}
// Which projects ran how many files (scripts/jest-projects-reporter.js): the integration databases
// are said, and a selected project that ran no file is a failure, unless the run was limited to
// some test paths.
const projectsFile = path.join(path.dirname(file), 'jest-projects.json');
const {
  projects = {},
  filtered = false,
  durations = [],
} = fs.existsSync(projectsFile) ? JSON.parse(fs.readFileSync(projectsFile, 'utf8')) : {};
const databases = Object.keys(projects)
  .filter((name) => name.startsWith('integration:') && projects[name] > 0)
  .map((name) => name.slice('integration:'.length));
if (Object.keys(projects).some((name) => name.startsWith('integration:'))) {
  console.log(`integration databases run: ${databases.join(', ') || 'none'}`);
}
const empty = filtered ? [] : Object.keys(projects).filter((name) => projects[name] === 0);
for (const name of empty) console.log(`FAILED project ${name} ran no test file`);
const SLOWEST = 10;
if (durations.length) {
  console.log(`slowest test files (of ${durations.length}):`);
  for (const { project, file, seconds } of [...durations].sort((a, b) => b.seconds - a.seconds).slice(0, SLOWEST)) {
    console.log(`${seconds.toFixed(1).padStart(8)} s  ${file} (${project})`);
  }
}
const passed = report.numPassedTests;
const failed = report.numFailedTests + brokenSuites.length + empty.length;
const skipped = report.numPendingTests + report.numTodoTests;
// CI reads the last line as exactly "N passed, N failed": skipped tests are said before it.
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
