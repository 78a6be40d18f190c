'use strict';

/**
 * The inbound classifier's throughput: BENCH_MESSAGES (10000) bounce messages, variants of the
 * bounce corpus (tests/fixtures/bounces/messages) and the held-out fixtures
 * (tests/fixtures/inbound-heldout): each copy gets its own recipient domain and Message-ID, and
 * every other one CRLF line ends where the original has LF (or the reverse), so no two messages
 * are the same bytes. Classified one after the other in this process, as one mailbox worker does.
 *
 *   node bench/inbound/classify.js
 *
 * Environment: BENCH_MESSAGES (10000), BENCH_CLASSIFIER_SOURCE=1 classifies with the TypeScript
 * source even when a build exists, BENCH_RESULT=<file> writes the figures as JSON.
 * Prints `classify: <M> msgs/s (<N> messages, <s> s, p99 <x> ms, <k> kinds)`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { loadClassifier } = require('../lib/classifier');

const MESSAGES = Number(process.env.BENCH_MESSAGES || 10_000);
const FIXTURES = path.resolve(__dirname, '../../tests/fixtures');
const FOLDERS = [path.join(FIXTURES, 'bounces/messages'), path.join(FIXTURES, 'inbound-heldout')];

const originals = FOLDERS.flatMap((folder) =>
  fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => fs.readFileSync(path.join(folder, name), 'latin1'))
);

/** The n-th variant of a message: its own domain and Message-ID, and every other one with the other line ends. */
const variantOf = (source, n) => {
  const renamed = source.replace(/@example\.(com|org|net)\b/gi, `@example-${n % 997}.$1`).replace(/^(Message-ID:\s*<)/im, `$1v${n}.`);
  if (n % 2 === 0) return Buffer.from(renamed, 'latin1');
  const flipped = /\r\n/.test(renamed) ? renamed.replace(/\r\n/g, '\n') : renamed.replace(/\n/g, '\r\n');
  return Buffer.from(flipped, 'latin1');
};

const main = async () => {
  if (!originals.length) throw new Error(`no .eml files in ${FOLDERS.join(', ')}`);
  const { classify, from } = loadClassifier({ source: process.env.BENCH_CLASSIFIER_SOURCE === '1' });
  const messages = Array.from({ length: MESSAGES }, (_, n) => variantOf(originals[n % originals.length], Math.floor(n / originals.length)));
  for (const message of messages.slice(0, Math.min(200, messages.length))) await classify(message);

  const kinds = {};
  const times = [];
  const started = process.hrtime.bigint();
  for (const message of messages) {
    const t = process.hrtime.bigint();
    const result = await classify(message);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    kinds[result.kind] = (kinds[result.kind] ?? 0) + 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = MESSAGES / seconds;
  const p99 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.99)];
  console.log(
    `classify: ${Math.round(rate)} msgs/s (${MESSAGES} messages from ${originals.length} originals, ${seconds.toFixed(1)} s, ` +
      `p99 ${p99.toFixed(2)} ms; ${Object.entries(kinds)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}; classifier from ${path.relative(process.cwd(), from)})`
  );
  if (process.env.BENCH_RESULT)
    fs.writeFileSync(process.env.BENCH_RESULT, JSON.stringify({ rate, seconds, messages: MESSAGES, p99, kinds }, null, 2));
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
