'use strict';

/**
 * CPU time per request, the figure that does not move with the machine's speed: how much of a core
 * each request cost this process (every thread: the SQLite write thread too), the load generator,
 * and, on a local PostgreSQL, the server's processes that work for this run (the bench database's
 * backends and autovacuum workers, plus the WAL writer, checkpointer and background writer, which
 * serve every database but mostly this run's writes). Read from /proc (Linux), in clock ticks.
 */
const fs = require('node:fs');

const TICK_US = 1e6 / 100;
// The server's own processes that write for every backend.
const SHARED_TYPES = ['walwriter', 'checkpointer', 'background writer'];

/** A single-threaded process's (a PostgreSQL backend's) time on a CPU in microseconds, to the nanosecond; 0 when it is gone. */
const runTimeOf = (pid) => {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1000;
  } catch {
    return 0;
  }
};

/** utime + stime of a process and all its threads in microseconds (to the clock tick), or 0 when it is gone (or /proc is not there). */
const ticksOf = (pid) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0;
  }
};

/**
 * A meter over the processes of this run: `read()` answers their CPU so far (microseconds, by
 * part), `delta(a, b)` what was spent in between. `knex` on PostgreSQL names the server's pids.
 */
const cpuMeter = ({ knex, postgres, loadPid }) => {
  const postgresPids = async () => {
    if (!postgres) return [];
    const { rows } = await knex.raw(`select pid from pg_stat_activity where datname = current_database() or backend_type = any(?)`, [
      SHARED_TYPES,
    ]);
    return rows.map((row) => row.pid);
  };
  const read = async () => {
    const { user, system } = process.cpuUsage();
    const pids = await postgresPids();
    return { strapi: user + system, load: ticksOf(loadPid), postgres: new Map(pids.map((pid) => [pid, runTimeOf(pid)])) };
  };
  /** Each part's CPU between two reads; a server process that started in between counts from zero. */
  const delta = (before, after) => {
    let postgresUs = 0;
    for (const [pid, us] of after.postgres) postgresUs += us - (before.postgres.get(pid) ?? 0);
    return { strapi: after.strapi - before.strapi, load: after.load - before.load, postgres: postgresUs };
  };
  return { read, delta };
};

/** Sums of CPU microseconds and requests, per server. */
const cpuTally = () => ({ strapi: 0, load: 0, postgres: 0, requests: 0 });

const addCpu = (tally, spent, requests) => {
  tally.strapi += spent.strapi;
  tally.load += spent.load;
  tally.postgres += spent.postgres;
  tally.requests += requests;
};

const perRequest = (tally) => {
  const us = (part) => (tally.requests ? tally[part] / tally.requests : 0);
  return { server: us('strapi'), load: us('load'), postgres: us('postgres') };
};

/**
 * The ratio the bench would measure if the servers, the load generator and the database had the
 * cores to themselves: the CPU of a bare request (its server and the load generator) over a
 * Strapi request's (its process, the database's processes, the load generator). Other work on the
 * machine slows every process alike and leaves this figure where it was.
 */
const cpuRatioOf = (bare, strapi) => (bare.server + bare.load) / (strapi.server + strapi.postgres + strapi.load);

module.exports = { runTimeOf, cpuMeter, cpuTally, addCpu, perRequest, cpuRatioOf };
