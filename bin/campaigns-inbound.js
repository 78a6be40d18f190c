#!/usr/bin/env node
'use strict';

/**
 * strapi-campaigns-inbound classify FILE...: classifies each mail file (a bounce, complaint,
 * auto-reply...) and prints one JSON line per file: {"file": ..., ...classification}. Needs no
 * app and no database: it runs the plugin's built classifier (dist/inbound). A file that cannot be
 * read is named on stderr, the others are still classified, and the exit code is 1; 2 on a usage error.
 */
const fs = require('node:fs');
const path = require('node:path');
const { runCommand } = require('./lib/command');

const USAGE = 'usage: strapi-campaigns-inbound classify FILE...';

const loadClassifier = () => {
  const built = path.join(__dirname, '..', 'dist', 'inbound', 'index.js');
  if (!fs.existsSync(built)) throw new Error(`the classifier is not built (${built} is missing): run \`npm run build\``);
  return require(built).classifyInboundMessage;
};

const main = async (args) => {
  if (args[0] === '--help' || args[0] === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (args[0] !== 'classify' || args.length < 2) {
    console.error(USAGE);
    return 2;
  }
  const classify = loadClassifier();
  let code = 0;
  for (const file of args.slice(1)) {
    let raw;
    try {
      raw = fs.readFileSync(file);
    } catch (error) {
      console.error(`campaigns inbound: cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      code = 1;
      continue;
    }
    console.log(JSON.stringify({ file, ...(await classify(raw)) }));
  }
  return code;
};

runCommand('inbound', () => main(process.argv.slice(2)));
