'use strict';

/**
 * The send benchmark's summary from the JSON results of e2e.js and raw.js:
 *
 *   node bench/send/summary.js <raw.json> <e2e.json>...
 *
 * Prints every run, each end-to-end rate against the raw SMTP limit, whether peak RSS stays flat
 * across audience sizes, then the last line for the slower database at the largest audience:
 * `send: <N> msg/s, <R> of raw SMTP limit, peak RSS <M> MB`.
 */
const fs = require('node:fs');

const [rawFile, ...runFiles] = process.argv.slice(2);
const raw = JSON.parse(fs.readFileSync(rawFile, 'utf8'));
const runs = runFiles.filter((f) => fs.existsSync(f)).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
if (!runs.length) throw new Error('no end-to-end results');

console.log('');
console.log(`raw SMTP limit (one prebuilt ${(raw.bytes / 1024).toFixed(1)} KB message, nodemailer pool of 5): ${raw.rate} msg/s`);
console.log('database   contacts  msg/s  of raw  dispatch  send s  peak RSS (before send)  app CPU  sink received');
for (const r of runs) {
  console.log(
    `${r.db.padEnd(10)} ${String(r.contacts).padStart(8)}  ${String(r.rate).padStart(5)}  ${(r.rate / raw.rate).toFixed(2).padStart(6)}  ${(r.dispatchMs / 1000).toFixed(1).padStart(7)}s  ${(r.wallMs / 1000).toFixed(1).padStart(6)}  ${String(r.peakRssMb).padStart(5)} MB (${r.rssBeforeMb} MB)${' '.repeat(7)}${String(Math.round(r.appCpu * 100)).padStart(4)}%  ${r.received}/${r.contacts}${r.received === r.contacts && r.state === 'sent' ? '' : ` (${r.state})`}`
  );
}
const builds = [...new Set(runs.map((r) => r.build))];
if (builds.length > 1)
  console.log(`NOTE: the runs measured different plugin builds (${builds.join('; ')}): the tree was rebuilt meanwhile`);
const sizes = [...new Set(runs.map((r) => r.bytesPerMessage))];
if (sizes.some((size) => Math.abs(size - raw.bytes) > raw.bytes * 0.02))
  console.log(`NOTE: the raw message (${raw.bytes} bytes) and the end-to-end messages (${sizes.join(', ')} bytes) differ in size`);
const largest = Math.max(...runs.map((r) => r.contacts));
for (const db of [...new Set(runs.map((r) => r.db))]) {
  const sizes = runs.filter((r) => r.db === db).sort((a, b) => a.contacts - b.contacts);
  if (sizes.length > 1)
    console.log(`${db}: peak RSS ${sizes.map((r) => `${r.peakRssMb} MB at ${r.contacts.toLocaleString('en')}`).join(', ')}`);
}
const full = runs.filter((r) => r.contacts === largest);
const slower = full.reduce((a, b) => (b.rate < a.rate ? b : a));
console.log(
  `slower database at ${largest.toLocaleString('en')} contacts: ${slower.db}; rate ratio to raw SMTP ${full.map((r) => `${r.db} ${(r.rate / raw.rate).toFixed(2)}`).join(', ')}`
);
console.log(`send: ${slower.rate} msg/s, ${(slower.rate / raw.rate).toFixed(2)} of raw SMTP limit, peak RSS ${slower.peakRssMb} MB`);
