import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { rootOf } from '../../composition/accessor';
import type { Running } from '../../composition/root';
import { PLUGIN_ID } from '../../constants';
import type { ClientDetails } from './hits';
import { countPublicHit } from './public-limits';
import { PIXEL_GIF, PIXEL_HEADERS, REDIRECT_HEADERS, TEXT_HEADERS, tooManyRequests } from './responses';

/** Delivery id 0 is what previews and test sends sign: a real link, but no delivery to count on. */
import { NO_DELIVERY } from './service';

const notFound = (ctx: Context) => {
  ctx.set(TEXT_HEADERS);
  ctx.status = 404;
  ctx.body = 'Not found';
};

const clientOf = (ctx: Context): ClientDetails => ({ userAgent: ctx.get('user-agent') || undefined, ip: ctx.ip });

/**
 * The click redirect and the open pixel (`GET|HEAD <api prefix>/campaigns/t/c|o/:token`), answered
 * by a Koa middleware ahead of Strapi's own (logger, security headers, CORS, body parser, session,
 * router, route policies): a campaign's first minutes bring thousands of these a second, and each
 * needs only its token, its limits and, for a click, the link's URL. In order: the token is
 * verified (constant time, per purpose), the request counted against the public limits (in
 * process, synced to Redis), the URL read from the link cache (a miss reads the campaign's links
 * once), the hit handed to the tracking buffer, never awaited, and the answer sent. HEAD requests
 * (link scanners that only look) get the same answer and record nothing. Anything else passes on.
 */
export const trackingFastPath = (strapi: Core.Strapi) => {
  const base = `${strapi.config.get<string>('api.rest.prefix', '/api')}/${PLUGIN_ID}/t/`;
  const root = rootOf(strapi);
  // Kept once found: a request answered while the root closes still reaches the buffer, which then writes it at once.
  let running: Running | undefined;
  const runningNow = () => {
    if (!running) {
      try {
        running = root.running;
      } catch {
        return undefined;
      }
    }
    return running;
  };

  const answer = async (ctx: Context, run: Running, kind: 'c' | 'o', token: string) => {
    const purpose = kind === 'c' ? 'click' : 'open';
    const ids = root.tokens.verified(purpose, token);
    const verdict = countPublicHit(run.publicLimits, ids && `${purpose}:${ids.join('.')}`, ctx.ip);
    if (verdict.limited) return tooManyRequests(ctx, verdict.retryAfterSeconds);
    const record = ctx.method === 'GET' && ids !== null && ids[0] !== NO_DELIVERY;
    if (purpose === 'open') {
      if (record) run.tracking.add({ type: 'open', deliveryId: ids![0], at: Date.now(), client: clientOf(ctx) });
      // Always the image, whatever the token: an answer that differed would tell a prober which tokens are genuine.
      ctx.set(PIXEL_HEADERS);
      ctx.status = 200;
      ctx.body = PIXEL_GIF;
      return;
    }
    if (!ids) return notFound(ctx);
    const [deliveryId, linkId] = ids;
    const cached = run.links.peek(linkId);
    const link = cached === undefined ? await run.links.get(linkId) : cached;
    if (!link) return notFound(ctx);
    if (record) run.tracking.add({ type: 'click', deliveryId, linkId, at: Date.now(), client: clientOf(ctx) });
    ctx.set(REDIRECT_HEADERS);
    ctx.redirect(link.url);
  };

  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const path = ctx.path;
    if (!path.startsWith(base) || path.charCodeAt(base.length + 1) !== 47 /* / */) return next();
    const kind = path[base.length];
    const token = path.slice(base.length + 2);
    if ((kind !== 'c' && kind !== 'o') || !token || token.includes('/')) return next();
    const run = runningNow();
    if (!run) return next();
    try {
      await answer(ctx, run, kind, token);
    } catch (error) {
      // Ahead of Strapi's error middleware: the answer is made here.
      strapi.log.error(`campaigns: ${ctx.method} ${path} failed: ${(error as Error).message}`);
      ctx.set(TEXT_HEADERS);
      ctx.status = 503;
      ctx.body = 'Temporarily unavailable: try again in a moment.';
    }
  };
};
