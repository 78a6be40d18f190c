import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // Behind a reverse proxy, trust its X-Forwarded-For: the public endpoints limit requests per client IP.
  proxy: { koa: env.bool('SERVER_PROXY_KOA', false) },
  logger: { updates: { enabled: false }, startup: { enabled: false } },
  app: {
    // Development keys only: a real deployment sets APP_KEYS.
    keys: env.array('APP_KEYS', ['playgroundKeyOne', 'playgroundKeyTwo']),
  },
});

export default config;
