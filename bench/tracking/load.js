'use strict';

/**
 * The load generator, in a process of its own so the server under test keeps its core: keep-alive
 * GETs from `concurrency` loops for `seconds` after `warmupSeconds`, each request the next URL of
 * the campaign's list (urls.js: distinct tokens, so distinct events). Node's own http client: no
 * dependency to pin.
 *
 *   process.send({ base, deliveryIds, linkIds, concurrency, seconds, warmupSeconds })
 *     -> { requests, errors, statuses, seconds, p50, p99, sent, answered }
 * `requests`, `statuses`, `p50`, `p99`: the measured seconds; `sent` and `answered` (by status):
 * every request, warm-up included, for counting what the server must have recorded.
 */
const http = require('node:http');
const { urlsOf } = require('./urls');

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0);

const get = (agent, url) =>
  new Promise((resolve) => {
    const request = http.get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', () => resolve(0));
  });

const run = async ({ base, deliveryIds, linkIds, concurrency, seconds, warmupSeconds }) => {
  const urls = urlsOf(base, deliveryIds, linkIds);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const latencies = [];
  const statuses = {};
  const answered = {};
  let errors = 0;
  const warmupEnd = performance.now() + warmupSeconds * 1000;
  const end = warmupEnd + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const url = urls[next++ % urls.length];
      const started = performance.now();
      const status = await get(agent, url);
      answered[status] = (answered[status] ?? 0) + 1;
      if (started < warmupEnd) continue;
      latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 0 || status >= 500) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    statuses,
    seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    sent: next,
    answered,
  };
};

process.on('message', async (message) => {
  process.send(await run(message));
  process.exit(0);
});
