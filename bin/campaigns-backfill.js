#!/usr/bin/env node
'use strict';

/**
 * strapi-campaigns-backfill [--uid <uid>]: mirrors the entries that already exist in the
 * configured audience sources (campaigns.audienceSources) into contacts, and removes the links of
 * entries that are gone. Run it from the host app's folder (or set STRAPI_APP_DIR) once after
 * adding a source, or after bulk writes the live mirror does not see. It boots the app without an
 * HTTP server and without queue workers, prints the counts and exits 0; or prints why and exits 1.
 * Running it again changes nothing.
 */
const { runCommand, withApp } = require('./lib/command');

process.env.CAMPAIGNS_COMMAND_PROCESS = '1';

const USAGE = 'usage: strapi-campaigns-backfill [--uid <content type uid>]';

const parseArgs = (args) => {
  const options = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--uid' && args[i + 1] && !args[i + 1].startsWith('--')) options.uid = args[(i += 1)];
    else if (arg.startsWith('--uid=') && arg.length > 6) options.uid = arg.slice(6);
    else throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
  }
  return options;
};

const COUNTS = ['scanned', 'created', 'updated', 'linked', 'skipped', 'removed'];
const describe = (counts) => COUNTS.map((key) => `${key} ${counts[key]}`).join(', ');

const main = async () => {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  return withApp(async (app) => {
    const result = await app.plugin('campaigns').service('audienceSources').backfill(options);
    for (const source of result.sources) console.log(`campaigns backfill: ${source.uid}: ${describe(source)}`);
    return 0;
  });
};

runCommand('backfill', () => main());
