'use strict';

/**
 * Writes tests/durations.json (what scripts/jest-sequencer.js orders by) from the last full run's
 * reports/jest-projects.json: `node scripts/jest-durations.js` after `npm test`.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { filtered, durations } = JSON.parse(fs.readFileSync(path.join(root, 'reports', 'jest-projects.json'), 'utf8'));
if (filtered) throw new Error('reports/jest-projects.json is from a filtered run: refresh the durations after a full one');
const table = Object.fromEntries(
  durations.sort((a, b) => b.seconds - a.seconds).map(({ project, file, seconds }) => [`${project} ${file}`, Math.round(seconds)])
);
fs.writeFileSync(path.join(root, 'tests', 'durations.json'), `${JSON.stringify(table, null, 2)}\n`);
console.log(`tests/durations.json: ${Object.keys(table).length} files`);
