import http from 'node:http';
import net from 'node:net';
import { verifyToken } from '../../../server/src/features/tracking/tokens';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, TEST_PUBLIC_URL, TEST_SIGNING_SECRET, waitForProgress } from '../../helpers/sending';
import { spawnWebProcess, type WebProcess } from '../../helpers/web-process';

/**
 * The tracking buffer holds a process's opens and clicks for up to 200 ms before writing them: a
 * SIGTERM right after the answers must still leave every one of them in the database. A second web
 * process, a real child, answers them and is stopped the way a deploy stops it.
 */
const { app, strapi, service, sink } = useGroupApp();

const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const people = ['ann', 'bob', 'cem', 'dia', 'eve'].map((name) => ({ email: `${name}@shutdown.test`, firstName: name }));
let web: WebProcess | undefined;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** One keep-alive GET to the child, as a mail client makes it. */
const get = (agent: http.Agent, port: number, path: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent, headers: { 'User-Agent': SAFARI } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      })
      .on('error', reject);
  });

afterAll(async () => {
  if (web && web.child.exitCode === null) web.child.kill('SIGKILL');
});

test('a SIGTERM right after answering opens and clicks loses none of them', async () => {
  const campaign = await seedCampaign(strapi(), 'Shutdown', people);
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  const pattern = (kind: string) => new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/${kind}/[A-Za-z0-9._-]+)`, 'g');
  const paths: string[] = [];
  for (const received of sink().received) {
    const html = String((await sink().parse(received)).html);
    // Each reader opens, then clicks both links: an open and two clicks, all human.
    paths.push(...new Set([...html.matchAll(pattern('o'))].map((m) => m[1])));
    paths.push(...new Set([...html.matchAll(pattern('c'))].map((m) => m[1])));
  }
  expect(paths).toHaveLength(people.length * 3);
  await strapi()
    .db.connection('campaigns_deliveries')
    .update({ sent_at: Date.now() - 3_600_000 });

  const port = await freePort();
  web = await spawnWebProcess(app().env, port);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const statuses = [];
  for (const path of paths) statuses.push(await get(agent, port, path));
  web.child.kill('SIGTERM');
  agent.destroy();
  expect(statuses).toEqual(paths.map((path) => (path.includes('/t/o/') ? 200 : 302)));
  expect(await web.exited).toEqual({ code: 0, signal: null });
  // Nothing more to wait for: the child wrote its buffer before it exited.
  const rows = await strapi()
    .db.connection('campaigns_events')
    .whereIn('type', ['open', 'click'])
    .select('type', 'delivery_id', 'data', 'is_bot');
  expect(rows.filter((r) => r.type === 'open')).toHaveLength(people.length);
  expect(rows.filter((r) => r.type === 'click')).toHaveLength(people.length * 2);
  const clickedLinks = rows.filter((r) => r.type === 'click').map((r) => `${r.delivery_id}:${JSON.parse(r.data).linkId}`);
  const expected = paths
    .filter((path) => path.includes('/t/c/'))
    .map((path) => verifyToken(TEST_SIGNING_SECRET, 'click', path.split('/').pop()!, 2)!.join(':'));
  expect(clickedLinks.sort()).toEqual(expected.sort());
  expect(web.output()).toMatch(/Strapi has been shut down/);
});
