import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { rootOf } from '../composition/accessor';
import { countPublicHit, type PublicVerdict } from '../features/tracking/public-limits';
import { tooManyRequests } from '../features/tracking/responses';
import type { TokenPurpose } from '../features/tracking/tokens';

export interface PublicLimitConfig {
  /** The purpose the route's `:token` is verified for. */
  purpose: TokenPurpose;
  /** Run the handler even over the limit and only answer 429: an unsubscribe is never lost. */
  applyWhenLimited?: boolean;
}

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
 * Per-IP and per-token limits of one public route (features/tracking/index.ts), counted in process
 * and synced to Redis under the plugin's prefix (features/tracking/synced-counter.ts), so they
 * hold across instances. The click and open GETs count through the same counts in the tracking
 * fast path. The client IP is Koa's `ctx.ip`: behind a reverse proxy Strapi's `server.proxy.koa`
 * must be on, or every recipient is the proxy.
 */
export default (config: PublicLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  const root = rootOf(strapi);
  return async (ctx: Context, next: Next) => {
    const verdict: PublicVerdict = countPublicHit(
      root.running.publicLimits,
      root.tokens.subjectOf(config.purpose, ctx.params.token),
      ctx.ip
    );
    if (!verdict.limited) return next();
    if (config.applyWhenLimited) {
      await next();
      ctx.set('Retry-After', String(verdict.retryAfterSeconds));
      ctx.status = 429;
      return;
    }
    tooManyRequests(ctx, verdict.retryAfterSeconds);
  };
};
