'use strict';

const { loadApp } = require('./app');

/**
 * Runs one of the plugin's commands: `main` answers its exit code; a throw prints
 * "campaigns <name>: failed: <why>" and exits 1. `withApp(work)` boots the app (app.js), hands it
 * to `work` and destroys it whatever `work` did.
 */
const runCommand = (name, main) =>
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`campaigns ${name}: failed: ${error && error.message ? error.message : error}`);
      process.exit(1);
    }
  );

const withApp = async (work) => {
  const app = await loadApp();
  try {
    return await work(app);
  } finally {
    await app.destroy();
  }
};

module.exports = { runCommand, withApp };
