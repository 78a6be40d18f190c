import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedLookup } from '../address-guard';
import { checkLink } from '../link-check';

/**
 * A site on this machine stands for the web: `site.test` reaches it (the test's own lookup, as a
 * public name would), `inside.test` resolves to a private address through the guard, `nowhere.test` to nothing.
 */
let server: http.Server;
let base: string;
const guarded = guardedLookup((hostname, _options, callback) =>
  callback(null, hostname === 'inside.test' ? [{ address: '10.0.0.7', family: 4 }] : [])
);
const lookup: typeof guarded = (hostname, options, callback) => {
  if (hostname === 'nowhere.test')
    return callback(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' }), []);
  if (hostname !== 'site.test') return guarded(hostname, options, callback);
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};
const check = (path: string) => checkLink(`${base}${path}`, { lookup, timeoutMs: 60_000 });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const to = (location: string) => res.writeHead(302, { location }).end();
    if (req.url === '/ok') return res.writeHead(200).end('fine');
    if (req.url === '/get-only') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (req.url === '/moved') return to('/ok');
    if (req.url === '/to-private-ip') return to('http://10.0.0.1/admin');
    if (req.url === '/to-mapped-ip') return to('http://[::ffff:127.0.0.1]/');
    if (req.url === '/to-inside') return to('http://inside.test/');
    if (req.url === '/to-file') return to('file:///etc/passwd');
    if (req.url === '/loop') return to('/loop');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://site.test:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('a link that answers is fine, after its redirects too, and one whose site refuses HEAD is asked with GET', async () => {
  await expect(check('/ok')).resolves.toMatchObject({ outcome: 'ok', status: 200 });
  await expect(check('/moved')).resolves.toMatchObject({
    outcome: 'ok',
    status: 200,
    detail: expect.stringMatching(/redirected to .*\/ok/),
  });
  await expect(check('/get-only')).resolves.toMatchObject({ outcome: 'ok', status: 200 });
});

test('a link that answers an error, loops, or names a host that does not exist is broken', async () => {
  await expect(check('/gone')).resolves.toMatchObject({ outcome: 'broken', status: 404, detail: 'answered 404' });
  await expect(check('/loop')).resolves.toMatchObject({ outcome: 'broken', detail: 'more than 5 redirects' });
  await expect(checkLink('not a url')).resolves.toMatchObject({ outcome: 'broken', detail: 'not a valid address' });
  await expect(checkLink('http://nowhere.test/', { lookup })).resolves.toMatchObject({
    outcome: 'broken',
    detail: 'nowhere.test does not exist',
  });
});

test('no hop may reach a private address: written as an IP, IPv4-mapped, or a name resolving to one; nor leave the web', async () => {
  await expect(checkLink('http://127.0.0.1/')).resolves.toMatchObject({
    outcome: 'unsafe',
    detail: '127.0.0.1 is a private or reserved address',
  });
  await expect(checkLink('http://169.254.169.254/latest/meta-data')).resolves.toMatchObject({ outcome: 'unsafe' });
  await expect(checkLink('http://localhost:1/')).resolves.toMatchObject({
    outcome: 'unsafe',
    detail: expect.stringMatching(/^localhost resolves to/),
  });
  await expect(check('/to-private-ip')).resolves.toMatchObject({
    outcome: 'unsafe',
    detail: '10.0.0.1 is a private or reserved address (redirected to http://10.0.0.1/admin)',
  });
  await expect(check('/to-mapped-ip')).resolves.toMatchObject({ outcome: 'unsafe' });
  await expect(check('/to-inside')).resolves.toMatchObject({
    outcome: 'unsafe',
    detail: 'inside.test resolves to 10.0.0.7, a private or reserved address (redirected to http://inside.test/)',
  });
  await expect(check('/to-file')).resolves.toMatchObject({
    outcome: 'unsafe',
    detail: 'not a web address (redirected to file:///etc/passwd)',
  });
  await expect(checkLink('javascript:alert(1)')).resolves.toMatchObject({ outcome: 'unsafe', detail: 'not a web address' });
});
