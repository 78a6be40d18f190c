'use strict';

/**
 * Boots the Strapi app of the current folder (or STRAPI_APP_DIR) the way the plugin's commands
 * need it: the same database, Redis and plugins as the web processes, without an HTTP server.
 */
const fs = require('node:fs');
const path = require('node:path');

const appDir = path.resolve(process.env.STRAPI_APP_DIR || process.cwd());
const fromApp = (id) => require(require.resolve(id, { paths: [appDir] }));

/** A TypeScript app runs from its built dist (as `strapi start` does); compile only when there is none. */
const appContext = async () => {
  const { compileStrapi } = fromApp('@strapi/strapi');
  const tsUtils = require(
    require.resolve('@strapi/typescript-utils', {
      paths: [path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [appDir] }))],
    })
  );
  if (!(await tsUtils.isUsingTypeScript(appDir))) return { appDir, distDir: appDir };
  const distDir = process.env.STRAPI_DIST_DIR ? path.resolve(process.env.STRAPI_DIST_DIR) : await tsUtils.resolveOutDir(appDir);
  if (fs.existsSync(path.join(distDir, 'config'))) return { appDir, distDir };
  return compileStrapi({ appDir });
};

/** The loaded app: registered, bootstrapped, its plugins' services ready. */
const loadApp = async () => {
  const { createStrapi } = fromApp('@strapi/strapi');
  const app = createStrapi({ ...(await appContext()), autoReload: false, serveAdminPanel: false });
  await app.load();
  return app;
};

module.exports = { loadApp };
