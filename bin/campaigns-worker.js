#!/usr/bin/env node
'use strict';

/**
 * strapi-campaigns-worker: runs the plugin's queue workers in a process of their own, for
 * `workerMode: 'dedicated'`. Run it from the host app's folder (or set STRAPI_APP_DIR). It boots
 * the same app against the same database and Redis without an HTTP server; SIGTERM or SIGINT
 * lets running jobs finish, closes the queues and exits.
 */
const fs = require('node:fs');
const path = require('node:path');

process.env.CAMPAIGNS_WORKER_PROCESS = '1';

const appDir = path.resolve(process.env.STRAPI_APP_DIR || process.cwd());
const fromApp = (id) => require(require.resolve(id, { paths: [appDir] }));

/** A TypeScript app runs from its built dist (as `strapi start` does); compile only when there is none. */
const appContext = async () => {
  const { compileStrapi } = fromApp('@strapi/strapi');
  const tsUtils = require(require.resolve('@strapi/typescript-utils', { paths: [path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [appDir] }))] }));
  if (!(await tsUtils.isUsingTypeScript(appDir))) return { appDir, distDir: appDir };
  const distDir = process.env.STRAPI_DIST_DIR ? path.resolve(process.env.STRAPI_DIST_DIR) : await tsUtils.resolveOutDir(appDir);
  if (fs.existsSync(path.join(distDir, 'config'))) return { appDir, distDir };
  return compileStrapi({ appDir });
};

const main = async () => {
  const { createStrapi } = fromApp('@strapi/strapi');
  const app = createStrapi({ ...(await appContext()), autoReload: false, serveAdminPanel: false });
  await app.load();
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
