'use strict';

/**
 * Starts the longest test files first. Jest's own order needs the timings of an earlier run on the
 * same machine; a clean clone in CI has none, so jest falls back to file size, and the integration
 * groups (short files listing many modules) started last and ran on alone while the other worker
 * sat idle. tests/durations.json keeps each file's seconds from a full run (refreshed with
 * `node scripts/jest-durations.js` after one), per jest project: the same file runs once per
 * database. A file not in it yet is taken as long, so a new group does not end up at the tail.
 */
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const durations = require('../tests/durations.json');

const UNKNOWN_SECONDS = 120;

// As scripts/jest-projects-reporter.js names them.
const keyOf = ({ context: { config }, path: file }) =>
  `${config.displayName?.name ?? config.rootDir} ${path.relative(config.rootDir, file)}`;

class LongestFirst extends Sequencer {
  sort(tests) {
    const seconds = (test) => durations[keyOf(test)] ?? UNKNOWN_SECONDS;
    return [...tests].sort((a, b) => seconds(b) - seconds(a));
  }
}

module.exports = LongestFirst;
