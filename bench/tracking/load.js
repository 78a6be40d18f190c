'use strict';

/**
 * The load generator, in a process of its own so the server under test keeps its core: keep-alive
 * GETs from `concurrency` loops, each request the next URL of a target's list (urls.js: distinct
 * tokens, so distinct events), in slices the parent asks for one at a time. Node's own http
 * client: no dependency to pin.
 *
 *   process.send({ targets: { <name>: base }, deliveryIds, linkIds, concurrency })  -> 'ready'
 *   process.send({ target, seconds, measured })  -> { requests, errors, statuses, latencies, answered }
 *   process.send({ done: true })  -> exits
 * Each target keeps its agent and its place in its list from slice to slice. `latencies` and
 * `statuses` only for a measured slice; `answered` (by status) for every slice, to count what the
 * server must have recorded.
 */
const http = require('node:http');
const { urlsOf } = require('./urls');

/**
 * A reader's desktop mail client: their opens and clicks are a person's, which set the delivery's
 * first open and click times (Node's own client sends no User-Agent, which would make every event a
 * machine's, and the database would never see those updates).
 */
const HEADERS = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0' };

const get = (agent, url) =>
  new Promise((resolve) => {
    const request = http.get(url, { agent, headers: HEADERS }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', () => resolve(0));
  });

let targets;
let concurrency;

const setup = (message) => {
  concurrency = message.concurrency;
  targets = Object.fromEntries(
    Object.entries(message.targets).map(([name, base]) => [
      name,
      {
        urls: urlsOf(base, message.deliveryIds, message.linkIds),
        agent: new http.Agent({ keepAlive: true, maxSockets: concurrency }),
        next: 0,
      },
    ])
  );
};

const slice = async ({ target, seconds, measured }) => {
  const state = targets[target];
  const latencies = [];
  const statuses = {};
  const answered = {};
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const url = state.urls[state.next++ % state.urls.length];
      const started = performance.now();
      const status = await get(state.agent, url);
      answered[status] = (answered[status] ?? 0) + 1;
      if (!measured) continue;
      latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 0 || status >= 500) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { requests: latencies.length, errors, statuses, latencies, answered, sent: state.next };
};

process.on('message', async (message) => {
  if (message.done) {
    for (const state of Object.values(targets)) state.agent.destroy();
    process.exit(0);
  }
  if (message.targets) {
    setup(message);
    process.send('ready');
    return;
  }
  process.send(await slice(message));
});
