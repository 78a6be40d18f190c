import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { setRoot } from '../../composition/accessor';
import type { Root } from '../../composition/root';
import { parseConfig } from '../../config/parse';
import { createSyncedCounter } from '../../features/tracking/synced-counter';
import publicLimit from '../public-limit';

/** A Strapi with the root objects the middleware reads: the public counts (Redis never answering) and the token checks. */
const fakeStrapi = (limits: object) => {
  const strapi = { log: { warn: jest.fn() } } as unknown as Core.Strapi;
  const counter = createSyncedCounter({
    counter: { add: () => Promise.reject(new Error('no Redis here')) },
    log: { warn: jest.fn() },
    syncEveryMs: 60_000,
  });
  const root = {
    running: { publicLimits: { limits: parseConfig({ publicLimits: limits }).publicLimits, prefix: 'campaigns:public', counter } },
    tokens: { subjectOf: () => 'unsubscribe:7' },
  };
  setRoot(strapi, root as unknown as Root);
  return { strapi, close: () => counter.close() };
};

const fakeContext = () => {
  const headers: Record<string, string> = {};
  const ctx = {
    ip: '203.0.113.9',
    method: 'POST',
    path: '/api/campaigns/t/u/x',
    params: { token: 'x' },
    status: 404,
    body: undefined as unknown,
    set: (name: string | Record<string, string>, value?: string) =>
      typeof name === 'string' ? (headers[name] = value!) : Object.assign(headers, name),
  };
  return { ctx: ctx as unknown as Context & { status: number }, headers };
};

test('over its limit a route answers 429 with Retry-After and runs nothing, counted in process without Redis', async () => {
  const { strapi, close } = fakeStrapi({ firstPerToken: 1, perToken: 1, windowSeconds: 60 });
  const middleware = publicLimit({ purpose: 'unsubscribe' }, { strapi });
  const next = jest.fn(async () => undefined);
  const first = fakeContext();
  await middleware(first.ctx, next);
  expect(next).toHaveBeenCalledTimes(1);
  const second = fakeContext();
  await middleware(second.ctx, next);
  expect(next).toHaveBeenCalledTimes(1);
  expect(second.ctx.status).toBe(429);
  expect(second.headers['Retry-After']).toBe('60');
  expect(String(second.ctx.body)).toMatch(/Too many requests/);
  await close();
});

test('a route applied when limited runs its handler, and only its answer is 429', async () => {
  const { strapi, close } = fakeStrapi({ firstPerToken: 1, perToken: 1, windowSeconds: 30 });
  const middleware = publicLimit({ purpose: 'unsubscribe', applyWhenLimited: true }, { strapi });
  await middleware(fakeContext().ctx, async () => undefined);
  const { ctx, headers } = fakeContext();
  const next = jest.fn(async () => {
    ctx.status = 200;
    ctx.body = 'page';
  });
  await middleware(ctx, next);
  expect(next).toHaveBeenCalledTimes(1);
  expect(ctx.status).toBe(429);
  expect(ctx.body).toBe('page');
  expect(headers['Retry-After']).toBe('30');
  await close();
});
