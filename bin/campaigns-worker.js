#!/usr/bin/env node
'use strict';

/**
 * strapi-campaigns-worker: runs the plugin's queue workers in a process of their own, for
 * `workerMode: 'dedicated'`. Run it from the host app's folder (or set STRAPI_APP_DIR). It boots
 * the same app against the same database and Redis without an HTTP server; SIGTERM or SIGINT
 * lets running jobs finish, closes the queues and exits.
 */
const { loadApp } = require('./lib/app');

process.env.CAMPAIGNS_WORKER_PROCESS = '1';

const main = async () => {
  const app = await loadApp();
  const mode = app.config.get('plugin::campaigns.workerMode', 'in-process');
  if (mode === 'off') {
    app.log.error('campaigns worker: campaigns.workerMode is "off", so no process runs workers; set it to "dedicated"');
    await app.destroy();
    process.exit(1);
  }
  if (mode === 'in-process') {
    app.log.warn('campaigns worker: campaigns.workerMode is "in-process": the web processes run workers too');
  }
  app.log.info(`campaigns worker: running (pid ${process.pid}); SIGTERM to stop`);
};

main().catch((error) => {
  console.error(`campaigns worker: failed to start: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
