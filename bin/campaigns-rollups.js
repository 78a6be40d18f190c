#!/usr/bin/env node
'use strict';

/**
 * strapi-campaigns-rollups rebuild [--campaign <id or documentId>]: recomputes the campaign
 * counters that the reports read from the stored events, for one campaign or for every campaign
 * with deliveries. Run it from the host app's folder (or set STRAPI_APP_DIR). It boots the app
 * without an HTTP server and without queue workers, prints what it rebuilt and exits 0; or prints
 * why and exits 1. Running it again changes nothing; events the retention setting deleted are no
 * longer counted.
 */
const { runCommand, withApp } = require('./lib/command');

process.env.CAMPAIGNS_COMMAND_PROCESS = '1';

const USAGE = 'usage: strapi-campaigns-rollups rebuild [--campaign <id or documentId>]';

const parseArgs = (args) => {
  if (args.includes('--help') || args.includes('-h')) return { help: true };
  const [command, ...rest] = args;
  if (command !== 'rebuild') throw new Error(`${command ? `unknown command "${command}"` : 'no command given'}\n${USAGE}`);
  const options = {};
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--campaign' && rest[i + 1] && !rest[i + 1].startsWith('--')) options.campaign = rest[(i += 1)];
    else if (arg.startsWith('--campaign=') && arg.length > 11) options.campaign = arg.slice(11);
    else throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
  }
  return options;
};

const main = async () => {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  return withApp(async (app) => {
    const rebuilt = await app.plugin('campaigns').service('analytics').rebuild(options);
    for (const { campaignId, counters } of rebuilt) console.log(`campaigns rollups: campaign ${campaignId}: ${counters} counters rebuilt`);
    console.log(`campaigns rollups: ${rebuilt.length} campaign${rebuilt.length === 1 ? '' : 's'} rebuilt`);
    return 0;
  });
};

runCommand('rollups', () => main());
