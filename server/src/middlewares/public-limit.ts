import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { rootOf } from '../composition/accessor';
import { clientKey, decide, type PublicLimits, type PublicVerdict } from '../features/tracking/public-limits';
import { TEXT_HEADERS } from '../features/tracking/responses';
import type { TokenVerifier } from '../features/tracking/token-verifier';
import type { TokenPurpose } from '../features/tracking/tokens';
import { createWindowCounter, type WindowCounter } from '../features/tracking/window-counter';

export interface PublicLimitConfig {
  /** The purpose the route's `:token` is verified for. */
  purpose: TokenPurpose;
  /** Run the handler even over the limit and only answer 429: an unsubscribe is never lost. */
  applyWhenLimited?: boolean;
}

const ALLOWED: PublicVerdict = { limited: false };

/**
 * The route config of a public endpoint. Recipients have no account, so `auth: false`; what
 * protects each route instead is its signed, purpose-bound token, verified (constant time) before
 * any row is read, a bad one answered exactly like an unknown one; and this middleware's limits.
 */
export const publicRoute = (limit: PublicLimitConfig) => ({
  auth: false as const,
  middlewares: [{ name: 'plugin::campaigns.public-limit', config: limit }],
});

/**
 * Per-IP and per-token limits of one public route (features/tracking/index.ts), counted in Redis under
 * the plugin's prefix so they hold across instances. The client IP is Koa's `ctx.ip`: behind a
 * reverse proxy Strapi's `server.proxy.koa` must be on, or every recipient is the proxy.
 */
export default (config: PublicLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  let setup: { limits: PublicLimits; prefix: string; counter: WindowCounter; subjectOf: TokenVerifier['subjectOf'] } | undefined;
  const ready = () => {
    if (!setup) {
      const root = rootOf(strapi);
      const { publicLimits, redis } = root.config;
      setup = {
        limits: publicLimits,
        prefix: `${redis.prefix}:public`,
        counter: createWindowCounter(root.running.redis),
        subjectOf: root.tokens.subjectOf,
      };
    }
    return setup;
  };

  const verdictOf = async (ctx: Context): Promise<PublicVerdict> => {
    const { limits, prefix, counter, subjectOf } = ready();
    if (!limits.enabled) return ALLOWED;
    const windowMs = limits.windowSeconds * 1000;
    const client = clientKey(ctx.ip);
    const subject = subjectOf(config.purpose, ctx.params.token);
    if (!subject) {
      const [invalid] = await counter.hit([`${prefix}:invalid:${client}`], windowMs);
      return decide(limits, { valid: false, invalid });
    }
    const [token, ip] = await counter.hit([`${prefix}:token:${subject}`, `${prefix}:ip:${client}`], windowMs);
    return decide(limits, { valid: true, token, ip });
  };

  return async (ctx: Context, next: Next) => {
    let verdict: PublicVerdict;
    try {
      verdict = await verdictOf(ctx);
    } catch (error) {
      // Recipients come first: without Redis the request is served unlimited, and the log says why.
      strapi.log.warn(`campaigns: public limits not applied to ${ctx.method} ${ctx.path}: ${(error as Error).message}`);
      return next();
    }
    if (!verdict.limited) return next();
    ctx.set('Retry-After', String(verdict.retryAfterSeconds));
    if (config.applyWhenLimited) {
      await next();
      ctx.status = 429;
      return;
    }
    ctx.set(TEXT_HEADERS);
    ctx.status = 429;
    ctx.body = `Too many requests: try again in ${verdict.retryAfterSeconds} seconds.`;
  };
};
