'use strict';

/**
 * This machine's raw SMTP limit: one message, already rendered and built as raw bytes, sent again
 * and again through a pooled nodemailer transport (5 connections) to the same kind of sink as the
 * end-to-end run (bench/send/sink.js, a child process). Nothing is rendered, signed or recorded
 * per message: what is left is the client's and the sink's SMTP work.
 *
 *   node bench/send/raw.js <message.eml> [messages]     (default 20000)
 *
 * BENCH_RESULT=<file> writes the figures as JSON. Last line: `raw SMTP: <N> msg/s ...`.
 */
const fs = require('node:fs');
const nodemailer = require('nodemailer');
const { startSink, sampleRss, cpuMsSince, mb } = require('./lib');

const file = process.argv[2];
const MESSAGES = Number(process.argv[3] || 20_000);
/** Messages handed to the pool at once: enough to keep its 5 connections busy. */
const IN_FLIGHT = 50;

const main = async () => {
  if (!file || !fs.existsSync(file)) throw new Error('usage: node bench/send/raw.js <message.eml> [messages]');
  const raw = fs.readFileSync(file);
  const sink = await startSink();
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, pool: true, maxConnections: 5, ignoreTLS: true });
  try {
    // A few messages first: connections opened, code paths warm.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transport.sendMail({ envelope: { from: 'bounces@example.com', to: `warm${i}@example.com` }, raw })
      )
    );
    const before = await sink.stats();
    const rss = sampleRss();
    const cpuFrom = process.cpuUsage();
    const started = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < MESSAGES) {
        const i = next++;
        await transport.sendMail({
          envelope: { from: `bounces+${i.toString(36)}-0123456789@example.com`, to: `reader${i}@example${i % 7}.com` },
          raw,
        });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    const ms = performance.now() - started;
    const cpuMs = cpuMsSince(cpuFrom);
    const peak = rss.stop();
    const after = await sink.stats();
    const received = after.messages - before.messages;
    const rate = Math.round(MESSAGES / (ms / 1000));
    console.log(
      `raw SMTP: ${MESSAGES.toLocaleString('en')} messages of ${(raw.length / 1024).toFixed(1)} KB in ${(ms / 1000).toFixed(1)} s; sink received ${received.toLocaleString('en')} (${mb(after.bytes - before.bytes)} MB); CPU client ${((cpuMs / ms) * 100).toFixed(0)}% of a core (${(cpuMs / MESSAGES).toFixed(2)} ms a message), sink ${(((after.cpuMs - before.cpuMs) / ms) * 100).toFixed(0)}% (${((after.cpuMs - before.cpuMs) / MESSAGES).toFixed(2)} ms); client peak RSS ${mb(peak)} MB`
    );
    if (received !== MESSAGES) console.log(`  the sink received ${received}, expected ${MESSAGES}`);
    if (process.env.BENCH_RESULT)
      fs.writeFileSync(
        process.env.BENCH_RESULT,
        JSON.stringify({ rate, messages: MESSAGES, bytes: raw.length, received, clientCpuMsPerMessage: cpuMs / MESSAGES })
      );
    console.log(`raw SMTP: ${rate} msg/s`);
  } finally {
    transport.close();
    await sink.close();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
