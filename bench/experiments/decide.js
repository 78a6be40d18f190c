'use strict';

/**
 * The experiment decision at volume: decide() for BENCH_VARIANTS (8) variants sharing
 * BENCH_RECIPIENTS (1,000,000) recipients, under each rule (Bayesian: P(best) by seeded Monte Carlo
 * at the default 20,000 draws; frequentist: z-tests with Holm's correction), each timed over
 * BENCH_RUNS (7) runs after a warm-up; the figure is the slower rule's median. The counters are
 * drawn once from fixed rates (opens 25–30%, clicks 3–4%), and every run decides on opens, clicks,
 * click-to-open and replies in turn. The statistics are compiled from the TypeScript source
 * (@swc/core, in memory): they are not in a published entry of the package.
 *
 *   node bench/experiments/decide.js
 *
 * BENCH_RESULT=<file> writes the figures as JSON. Prints `experiments: decide <T> ms`.
 */
const path = require('node:path');
const { registerTypeScript } = require('../lib/classifier');
const { runMain, writeResult } = require('../lib/run');

const ROOT = path.resolve(__dirname, '../..');
const VARIANTS = Number(process.env.BENCH_VARIANTS || 8);
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS || 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS || 7);
const METRICS = ['open', 'click', 'click-to-open', 'reply'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Counters of VARIANTS variants over RECIPIENTS messages, each variant a little better than the last. */
const talliesOf = ({ createRandom }) => {
  const random = createRandom(2026);
  const sent = Math.floor(RECIPIENTS / VARIANTS);
  // Exact binomials are not the subject here: a normal draw around n·p is close enough for counters this large.
  const count = (n, p) => Math.max(0, Math.min(n, Math.round(n * p + random.normal() * Math.sqrt(n * p * (1 - p)))));
  return Array.from({ length: VARIANTS }, (_, i) => {
    const lift = i / Math.max(1, VARIANTS - 1);
    const opens = count(sent, 0.25 + 0.05 * lift);
    return {
      key: String.fromCharCode(65 + i),
      sent,
      opens,
      clicks: count(opens, (0.03 + 0.01 * lift) / (0.25 + 0.05 * lift)),
      replies: count(sent, 0.004),
      unsubscribes: count(sent, 0.002),
      complaints: count(sent, 0.0001),
    };
  });
};

const timeRule = (decide, tallies, rule) => {
  const decideAll = () => METRICS.map((metric) => decide(tallies, { rule, metric, control: 'A', minSamplePerVariant: 1000 }));
  decideAll();
  const times = [];
  let decisions = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = process.hrtime.bigint();
    decisions = decideAll();
    times.push(Number(process.hrtime.bigint() - started) / 1e6 / METRICS.length);
  }
  return { rule, medianMs: median(times), times, outcomes: decisions.map((d) => `${d.outcome}:${d.winner ?? d.reason.code}`) };
};

const main = async () => {
  registerTypeScript();
  const stats = require(path.join(ROOT, 'server/src/features/experiments/stats/index.ts'));
  const tallies = talliesOf(stats);
  const rules = ['bayesian', 'frequentist'].map((rule) => timeRule(stats.decide, tallies, rule));
  for (const { rule, medianMs, outcomes } of rules) {
    console.log(`${rule}: ${medianMs.toFixed(2)} ms a decision (median of ${RUNS}), ${outcomes.join(', ')}`);
  }
  const decideMs = Math.max(...rules.map((r) => r.medianMs));
  writeResult({ variants: VARIANTS, recipients: RECIPIENTS, runs: RUNS, decideMs, rules });
  console.log(`experiments: decide ${decideMs.toFixed(1)} ms`);
};

runMain(main);
