import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { setRoot } from '../../composition/accessor';
import type { Root } from '../../composition/root';
import { parseConfig } from '../../config/parse';
import publicLimit from '../public-limit';

/** A Strapi with the root objects the middleware reads: the Redis connection and the token checks. */
const fakeStrapi = (redisStatus: string) => {
  const warn = jest.fn();
  const strapi = { log: { warn } } as unknown as Core.Strapi;
  const root = {
    config: parseConfig({}),
    running: { redis: { status: redisStatus, defineCommand: jest.fn(), campaignsWindowHit: jest.fn() } },
    tokens: { subjectOf: () => 'unsubscribe:7' },
  };
  setRoot(strapi, root as unknown as Root);
  return { strapi, warn };
};

const fakeContext = () =>
  ({ ip: '203.0.113.9', method: 'POST', path: '/api/campaigns/t/u/x', params: { token: 'x' }, set: jest.fn() }) as unknown as Context;

test('without Redis the request is served, unlimited, and the log says why', async () => {
  const { strapi, warn } = fakeStrapi('reconnecting');
  const next = jest.fn().mockResolvedValue(undefined);
  await publicLimit({ purpose: 'unsubscribe', applyWhenLimited: true }, { strapi })(fakeContext(), next);
  expect(next).toHaveBeenCalledTimes(1);
  expect(warn).toHaveBeenCalledWith(
    expect.stringContaining('public limits not applied to POST /api/campaigns/t/u/x: Redis is not connected')
  );
});
