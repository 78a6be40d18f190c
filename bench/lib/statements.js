'use strict';

/** Time per kind of statement from knex's query events (BENCH_STATEMENTS=1): start it, and call what it answers to stop it and get the kinds, slowest first. */
const statementTimer = (strapi) => {
  const statements = new Map();
  const started = new Map();
  const knex = strapi.db.connection;
  const onQuery = (q) => started.set(q.__knexQueryUid, performance.now());
  const onResponse = (_response, q) => {
    const from = started.get(q.__knexQueryUid);
    if (from === undefined) return;
    started.delete(q.__knexQueryUid);
    const kind = q.sql
      .replace(/\s+/g, ' ')
      .replace(/"|`/g, '')
      .slice(0, 70)
      .replace(/ in \(.*$| values .*$| = CASE .*$/, '');
    const entry = statements.get(kind) || { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += performance.now() - from;
    statements.set(kind, entry);
  };
  knex.on('query', onQuery);
  knex.on('query-response', onResponse);
  return () => {
    knex.off('query', onQuery);
    knex.off('query-response', onResponse);
    return [...statements].sort((a, b) => b[1].ms - a[1].ms);
  };
};

module.exports = { statementTimer };
