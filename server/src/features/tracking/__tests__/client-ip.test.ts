import type { IncomingMessage, ServerResponse } from 'node:http';
import Koa from 'koa';
import { clientIpOf, type ProxySettings } from '../client-ip';

/** Koa's own answer, from a context Koa builds for the same request. */
const koaIp = (settings: ProxySettings, headers: Record<string, string>, remoteAddress: string | undefined) => {
  const app = new Koa({ proxy: settings.proxy });
  app.proxyIpHeader = settings.proxyIpHeader;
  app.maxIpsCount = settings.maxIpsCount;
  const req = { headers, socket: { remoteAddress }, url: '/' } as unknown as IncomingMessage;
  return app.createContext(req, {} as ServerResponse).ip;
};

const settings: ProxySettings[] = [
  { proxy: false, proxyIpHeader: 'X-Forwarded-For', maxIpsCount: 0 },
  { proxy: true, proxyIpHeader: 'X-Forwarded-For', maxIpsCount: 0 },
  { proxy: true, proxyIpHeader: 'X-Forwarded-For', maxIpsCount: 1 },
  { proxy: true, proxyIpHeader: 'X-Forwarded-For', maxIpsCount: 2 },
  { proxy: true, proxyIpHeader: 'X-Real-IP', maxIpsCount: 0 },
];

const requests: Array<[Record<string, string>, string | undefined]> = [
  [{}, '10.0.0.1'],
  [{}, undefined],
  [{ 'x-forwarded-for': '198.51.100.7' }, '10.0.0.1'],
  [{ 'x-forwarded-for': '198.51.100.7, 10.0.0.2' }, '10.0.0.1'],
  [{ 'x-forwarded-for': ' 198.51.100.7 ,10.0.0.2 , 10.0.0.3' }, '10.0.0.1'],
  [{ 'x-forwarded-for': '' }, '10.0.0.1'],
  [{ 'x-forwarded-for': ',' }, '10.0.0.1'],
  [{ 'x-forwarded-for': '2001:db8::1, 10.0.0.2' }, '::1'],
  [{ 'x-real-ip': '203.0.113.9', 'x-forwarded-for': '198.51.100.7' }, '10.0.0.1'],
];

test.each(settings)('the client address is the one Koa gives Strapi %o', (setting) => {
  for (const [headers, remoteAddress] of requests) {
    const req = { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
    expect([headers, clientIpOf(req, setting)]).toEqual([headers, koaIp(setting, headers, remoteAddress)]);
  }
});

test('behind a trusted proxy the first forwarded address counts; without one the socket does', () => {
  const req = {
    headers: { 'x-forwarded-for': '198.51.100.7, 10.0.0.2' },
    socket: { remoteAddress: '10.0.0.1' },
  } as unknown as IncomingMessage;
  expect(clientIpOf(req, settings[0])).toBe('10.0.0.1');
  expect(clientIpOf(req, settings[1])).toBe('198.51.100.7');
  expect(clientIpOf(req, settings[2])).toBe('10.0.0.2');
});
