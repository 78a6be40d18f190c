'use strict';

/** How a benchmark script ends: its figures in BENCH_RESULT when set, its exit status from main. */
const fs = require('node:fs');

/** Writes the figures as JSON to the file BENCH_RESULT names, when it names one (run.sh reads them). */
const writeResult = (figures) => {
  if (process.env.BENCH_RESULT) fs.writeFileSync(process.env.BENCH_RESULT, JSON.stringify(figures, null, 2));
};

/** Runs main and exits: 0 when it resolves, 1 with the error printed when it throws (a booted app's handles would keep the process alive). */
const runMain = (main) =>
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );

module.exports = { runMain, writeResult };
