import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import publicLimit from '../public-limit';

/** A Strapi with the two services the middleware reads: queues (its Redis) and tracking (token checks). */
const fakeStrapi = (redisStatus: string) => {
  const warn = jest.fn();
  const services: Record<string, unknown> = {
    queues: { redis: () => ({ status: redisStatus, defineCommand: jest.fn(), campaignsWindowHit: jest.fn() }) },
    tracking: { subjectOf: () => 'unsubscribe:7' },
  };
  const strapi = { config: { get: () => ({}) }, log: { warn }, plugin: () => ({ service: (name: string) => services[name] }) };
  return { strapi: strapi as unknown as Core.Strapi, warn };
};

const fakeContext = () => ({ ip: '203.0.113.9', method: 'POST', path: '/api/campaigns/t/u/x', params: { token: 'x' }, set: jest.fn() }) as unknown as Context;

test('without Redis the request is served, unlimited, and the log says why', async () => {
  const { strapi, warn } = fakeStrapi('reconnecting');
  const next = jest.fn().mockResolvedValue(undefined);
  await publicLimit({ purpose: 'unsubscribe', applyWhenLimited: true }, { strapi })(fakeContext(), next);
  expect(next).toHaveBeenCalledTimes(1);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('public limits not applied to POST /api/campaigns/t/u/x: Redis is not connected'));
});
