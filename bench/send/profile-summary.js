'use strict';

/**
 * Where a CPU profile's time went: self time by package or part of the code, then the top functions.
 *
 *   node bench/send/profile-summary.js <file.cpuprofile> [top]
 *
 * Profiles come from `BENCH_PROFILE_FILE=<file> node bench/send/e2e.js sqlite` (the send only) or from
 * node --cpu-prof. `(idle)` is the main thread waiting (on I/O, timers, other processes).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const file = process.argv[2];
const TOP = Number(process.argv[3] || 25);
if (!file) {
  console.error('usage: node bench/send/profile-summary.js <file.cpuprofile> [top]');
  process.exit(1);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

/** The group a frame's self time is charged to: a package, a part of the plugin, node itself, or V8's pseudo frames. */
const groupOf = (frame) => {
  const url = frame.url || '';
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native/V8 builtins)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const local = url.replace(/^file:\/\//, '');
  const modules = local.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const rest = local.slice(modules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (local.startsWith(path.join(ROOT, 'dist'))) return 'plugin (dist)';
  return path.relative(ROOT, local);
};

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map();
// timeDeltas[i] is the time before sample i: charge each sample its following delta.
const { samples, timeDeltas } = profile;
for (let i = 0; i < samples.length; i += 1) {
  const delta = timeDeltas[i + 1] ?? 0;
  selfMicros.set(samples[i], (selfMicros.get(samples[i]) || 0) + delta);
}
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

const byGroup = new Map();
const byFunction = new Map();
for (const [id, micros] of selfMicros) {
  const frame = nodes.get(id).callFrame;
  const group = groupOf(frame);
  byGroup.set(group, (byGroup.get(group) || 0) + micros);
  const where = frame.url ? `${groupOf(frame)} ${path.basename(frame.url)}:${frame.lineNumber + 1}` : groupOf(frame);
  const key = `${frame.functionName || '(anonymous)'}  [${where}]`;
  byFunction.set(key, (byFunction.get(key) || 0) + micros);
}

const pct = (micros) => `${((micros / total) * 100).toFixed(1).padStart(5)}%`;
const busy = total - (byGroup.get('(idle)') || 0);
console.log(
  `profile: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)}% of the main thread)`
);
console.log('self time by package / part:');
for (const [group, micros] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(`  ${pct(micros)}  ${(micros / 1e6).toFixed(2).padStart(6)} s  ${group}`);
}
console.log('top functions by self time:');
for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(`  ${pct(micros)}  ${name}`);
}
