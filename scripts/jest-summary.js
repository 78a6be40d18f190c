'use strict';

/**
 * Reads jest's JSON report and prints the failures, then the plain closing line
 * "N passed, N failed". A suite that failed to run counts as one failure, so a crash can never
 * pass for green. Exits non-zero when anything failed or no test ran.
 */
const fs = require('node:fs');

const file = process.argv[2] || 'reports/jest.json';
if (!fs.existsSync(file)) {
  console.log('jest wrote no report: it did not run');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const brokenSuites = report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed'));
for (const suite of report.testResults) {
  for (const test of suite.assertionResults.filter((a) => a.status === 'failed')) {
    console.log(`FAILED ${suite.name.replace(process.cwd() + '/', '')} › ${test.fullName}`);
  }
}
for (const suite of brokenSuites) {
  console.log(`FAILED ${suite.name.replace(process.cwd() + '/', '')} (did not run: ${(suite.message || '').split('\n').find(Boolean) || 'see above'})`);
}
const passed = report.numPassedTests;
const failed = report.numFailedTests + brokenSuites.length;
const skipped = report.numPendingTests + report.numTodoTests;
// CI reads the last line as exactly "N passed, N failed": skipped tests are said before it.
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
