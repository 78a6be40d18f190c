'use strict';

/**
 * better-sqlite3 has no prebuilt binary these machines can download (its prebuilds are on GitHub,
 * which they cannot reach), so every `npm ci` compiled SQLite from source: about two minutes of one
 * core at each clean CI run. prebuild-install, before any download, looks in npm's cache
 * (`<npm cache>/_prebuilds/<hash of the URL>-<file>`); this puts our own first build there, packed
 * the way a prebuild is (build/Release/better_sqlite3.node in a .tar.gz), under the name of this
 * version, Node ABI, platform and architecture, so the next install unpacks it instead.
 *
 *   node scripts/lib/native-cache.js has    exits 0 when the cache holds this version's build (no node_modules needed)
 *   node scripts/lib/native-cache.js keep   packs node_modules/better-sqlite3's build into it
 *
 * `keep` reads prebuild-install's own naming (its util and rc), so the name is the one it looks for.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const MODULE = path.join(ROOT, 'node_modules', 'better-sqlite3');
const BINARY = path.join('build', 'Release', 'better_sqlite3.node');

const cachedFile = () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(MODULE, 'package.json'), 'utf8'));
  const util = require(path.join(ROOT, 'node_modules', 'prebuild-install', 'util'));
  const rc = require(path.join(ROOT, 'node_modules', 'prebuild-install', 'rc'))(pkg);
  return util.cachedPrebuild(util.getDownloadUrl({ ...rc, pkg }));
};

/**
 * Before node_modules exists (a clean clone): a kept build of the locked version for this Node ABI,
 * platform and architecture, found by its file name alone. Should the name ever differ from what
 * prebuild-install looks for, it tries its download, fails, and compiles: as slow as before, no worse.
 */
const hasKeptBuild = () => {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  const version = lock.packages?.['node_modules/better-sqlite3']?.version;
  if (!version) return false;
  const dir = path.join(process.env.npm_config_cache || path.join(os.homedir(), '.npm'), '_prebuilds');
  const suffix = `-better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  return fs.existsSync(dir) && fs.readdirSync(dir).some((file) => file.endsWith(suffix));
};

const [command] = process.argv.slice(2);
if (command === 'has') {
  process.exit(hasKeptBuild() ? 0 : 1);
} else if (command === 'keep') {
  const target = cachedFile();
  if (fs.existsSync(target)) process.exit(0);
  if (!fs.existsSync(path.join(MODULE, BINARY))) throw new Error(`no ${BINARY} in ${MODULE} to keep`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Written beside and renamed: a concurrent install never unpacks half a file.
  const partial = `${target}.${process.pid}.tmp`;
  execFileSync('tar', ['-czf', partial, '-C', MODULE, BINARY]);
  fs.renameSync(partial, target);
  console.error(`kept the better-sqlite3 build in ${target}`);
} else {
  console.error('usage: native-cache.js has|keep');
  process.exit(2);
}
