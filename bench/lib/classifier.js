'use strict';

/**
 * The inbound classifier for scripts: from the built package (`strapi-plugin-campaigns/inbound`)
 * when it resolves, else from the TypeScript source compiled in memory by @swc/core (`source: true`
 * forces that: a stale build would measure old code).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = path.join(ROOT, 'server/src/features/inbound/classifier/index.ts');

const registerTypeScript = () => {
  const swc = require('@swc/core');
  require.extensions['.ts'] = (module, filename) => {
    const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
};

const loadClassifier = ({ source = false } = {}) => {
  let from;
  if (!source) {
    try {
      from = require.resolve('strapi-plugin-campaigns/inbound', { paths: [ROOT] });
    } catch {
      // Not built yet, or the build has no inbound entry: the source.
    }
  }
  if (!from) {
    registerTypeScript();
    from = SOURCE;
  }
  const mod = require(from);
  const classify = mod.classifyInboundMessage ?? mod.default?.classifyInboundMessage;
  if (typeof classify !== 'function') throw new Error(`${from} exports no classifyInboundMessage function`);
  return { classify, from };
};

module.exports = { loadClassifier };
