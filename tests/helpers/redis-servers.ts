import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAllInReverse } from './teardown';
import { waitUntil } from './wait';

const run = promisify(execFile);

export interface RedisNode {
  host: string;
  port: number;
}

/** Private Redis servers on free loopback ports, in a temporary folder, and how to stop them. */
export interface RedisServers {
  nodes: RedisNode[];
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Distinct TCP ports nothing listens on: each is asked of the kernel and released before the next. */
const freePorts = async (count: number) => {
  const ports = new Set<number>();
  while (ports.size < count) {
    ports.add(
      await new Promise<number>((resolve, reject) => {
        const server = net.createServer().on('error', reject);
        server.listen(0, HOST, () => {
          const { port } = server.address() as net.AddressInfo;
          server.close(() => resolve(port));
        });
      })
    );
  }
  return [...ports];
};

const cli = async (port: number, ...args: string[]) => (await run('redis-cli', ['-h', HOST, '-p', String(port), ...args])).stdout.trim();

/** `--name value` pairs of redis-server's command line. */
const flags = (options: Record<string, string>) => Object.entries(options).flatMap(([name, value]) => [`--${name}`, value]);

/** A daemonized redis-server (or sentinel) with its files in `dir`; answers once it takes commands. */
const startServer = async (dir: string, port: number, args: string[]) => {
  const files = { dir, pidfile: path.join(dir, `redis-${port}.pid`), logfile: path.join(dir, `redis-${port}.log`) };
  await run('redis-server', [...args, ...flags({ port: String(port), bind: HOST, daemonize: 'yes', ...files })]);
  await waitUntil(async () => (await cli(port, 'ping').catch(() => '')) === 'PONG', `redis-server on port ${port} (log: ${files.logfile})`);
};

const NOT_INSTALLED =
  'redis-server and redis-cli are needed to start a private Redis Cluster or Sentinel (Debian: apt-get install redis-server, which brings redis-tools); scripts/test.sh installs them';

/** Starts servers in a fresh folder with `start`; on any failure, stops what did start and removes the folder. */
const withServers = async (name: string, start: (dir: string, started: number[]) => Promise<RedisNode[]>): Promise<RedisServers> => {
  await run('redis-cli', ['--version']).catch(() => {
    throw new Error(NOT_INSTALLED);
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `campaigns-${name}-`));
  const started: number[] = [];
  const stop = async () => {
    // NOSAVE: nothing of a test's data is worth a disk write; each server is gone once its SHUTDOWN is answered.
    await Promise.all(started.map((port) => cli(port, 'shutdown', 'nosave').catch(() => undefined)));
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    return { nodes: await start(dir, started), stop };
  } catch (error) {
    await stop();
    throw error;
  }
};

const NO_PERSISTENCE = flags({ save: '', appendonly: 'no' });

/**
 * Three masters, no replicas: every slot served, as `redis-cli --cluster create` assigns them.
 * Each node's cluster bus gets its own free port too (by default it is the port + 10000, which
 * may be taken or past 65535).
 */
export const startRedisCluster = () =>
  withServers('cluster', async (dir, started) => {
    const ports = await freePorts(6);
    const nodes = ports.slice(0, 3).map((port) => ({ host: HOST, port }));
    for (const [i, { port }] of nodes.entries()) {
      const bus = ports[3 + i];
      started.push(port);
      await startServer(dir, port, [
        ...flags({ 'cluster-enabled': 'yes', 'cluster-port': String(bus), 'cluster-config-file': path.join(dir, `nodes-${port}.conf`) }),
        ...NO_PERSISTENCE,
      ]);
    }
    await run('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `${n.host}:${n.port}`), '--cluster-replicas', '0', '--cluster-yes']);
    // Each node says ok once it has heard of every slot's owner through the bus.
    await waitUntil(
      async () => (await Promise.all(nodes.map((n) => cli(n.port, 'cluster', 'info')))).every((info) => info.includes('cluster_state:ok')),
      'every cluster node to report cluster_state:ok'
    );
    return nodes;
  });

/** The master name the sentinel of startRedisSentinel watches. */
export const SENTINEL_MASTER = 'campaigns-master';

/** A master, its replica and one sentinel watching them (a quorum of one): answers the sentinel's address. */
export const startRedisSentinel = () =>
  withServers('sentinel', async (dir, started) => {
    const [master, replica, sentinel] = await freePorts(3);
    started.push(master, replica);
    await startServer(dir, master, NO_PERSISTENCE);
    await startServer(dir, replica, [...NO_PERSISTENCE, ...flags({ replicaof: `${HOST} ${master}` })]);
    await waitUntil(
      async () => (await cli(replica, 'info', 'replication')).includes('master_link_status:up'),
      `the replica on port ${replica} to follow its master`
    );
    // A sentinel rewrites its configuration file, so it needs one of its own.
    const config = path.join(dir, 'sentinel.conf');
    await fs.writeFile(config, `sentinel monitor ${SENTINEL_MASTER} ${HOST} ${master} 1\n`);
    started.push(sentinel);
    await startServer(dir, sentinel, [config, '--sentinel']);
    await waitUntil(
      async () => (await cli(sentinel, 'sentinel', 'replicas', SENTINEL_MASTER)).includes(String(replica)),
      `the sentinel on port ${sentinel} to know master ${SENTINEL_MASTER} and its replica`
    );
    return [{ host: HOST, port: sentinel }];
  });

/** The port of the master the sentinel names now. */
export const sentinelMasterPort = async (sentinel: RedisNode) =>
  Number((await cli(sentinel.port, 'sentinel', 'get-master-addr-by-name', SENTINEL_MASTER)).split('\n').pop());

/**
 * Has the sentinel promote the replica, as it would if the master failed, and answers once it
 * names the new master. A sentinel that has not yet judged the replica fit answers NOGOODSLAVE: asked again.
 */
export const sentinelFailover = async (sentinel: RedisNode) => {
  const before = await sentinelMasterPort(sentinel);
  await waitUntil(
    async () => (await cli(sentinel.port, 'sentinel', 'failover', SENTINEL_MASTER)) === 'OK',
    'the sentinel to start a failover'
  );
  await waitUntil(async () => (await sentinelMasterPort(sentinel)) !== before, `the sentinel to name a master other than port ${before}`);
  return sentinelMasterPort(sentinel);
};

/** The value of a key as one server holds it. */
export const readKey = (port: number, key: string) => cli(port, 'get', key);

/**
 * Starts the servers before this file's tests (beforeAll) and stops them after everything declared
 * later (an app using them) has stopped. The handle reads the nodes when called.
 */
export const useRedisServers = (start: () => Promise<RedisServers>) => {
  let servers: RedisServers | undefined;
  beforeAll(async () => {
    servers = await start();
  });
  afterAllInReverse(() => servers?.stop());
  return () => {
    if (!servers) throw new Error('the Redis servers start in beforeAll: call this handle from tests and hooks');
    return servers.nodes;
  };
};
