'use strict';

/**
 * A second web process of the test app: the built playground booted like the plugin's commands do
 * (bin/lib/app.js), then listening on HOST:PORT. Strapi's own signal handling stops it (SIGTERM
 * runs strapi.destroy(), then exits). Prints `web-app listening <port>` once it answers.
 */
const { loadApp } = require('../../bin/lib/app');

loadApp()
  .then(async (app) => {
    await app.listen();
    console.log(`web-app listening ${app.config.get('server.port')}`);
  })
  .catch((error) => {
    console.error(`web-app failed to start: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  });
