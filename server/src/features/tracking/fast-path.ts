import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import { rootOf } from '../../composition/accessor';
import type { Running } from '../../composition/root';
import { PLUGIN_ID } from '../../constants';
import { clientIpOf, type ProxySettings } from './client-ip';
import type { ClientDetails } from './hits';
import type { CachedLink } from './link-cache';
import { countPublicHit } from './public-limits';
import { PIXEL_GIF, PIXEL_HEADERS, REDIRECT_HEADERS, TEXT_HEADERS, tooManyRequestsAnswer } from './responses';
import { NO_DELIVERY } from './service';

/**
 * What the fast path sends: a status, its headers (Content-Length included), a body. The body is
 * its bytes as a latin1 string: Node then sends it in the same write as the headers, where a
 * Buffer costs a second one.
 */
interface Answer {
  status: number;
  headers: Record<string, string | number>;
  body: string;
}

const answerOf = (status: number, headers: Record<string, string>, body: Buffer | string): Answer => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { status, headers: { ...headers, 'Content-Length': bytes.length }, body: bytes.toString('latin1') };
};

const PIXEL = answerOf(200, PIXEL_HEADERS, PIXEL_GIF);
const NOT_FOUND = answerOf(404, TEXT_HEADERS, 'Not found');
const UNAVAILABLE = answerOf(503, TEXT_HEADERS, 'Temporarily unavailable: try again in a moment.');

/**
 * Where a click goes, as Koa's `ctx.redirect` would put it: serialised by the URL parser, which
 * percent-encodes whatever a header may not hold. Tracked links are absolute http(s) URLs
 * (content/links.ts); one the parser refuses has nowhere to go.
 */
const redirectTo = (url: string): Answer => {
  let location: string;
  try {
    location = new URL(url).href;
  } catch {
    return NOT_FOUND;
  }
  return { status: 302, headers: { ...REDIRECT_HEADERS, Location: location, 'Content-Length': 0 }, body: '' };
};

/** The request's path without its query, as Koa's `ctx.path` reads it (absolute-form targets included). */
const pathOf = (url: string): string | null => {
  if (url.charCodeAt(0) === 47 /* / */) {
    const query = url.indexOf('?');
    return query === -1 ? url : url.slice(0, query);
  }
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
};

const send = (res: ServerResponse, answer: Answer) => {
  res.writeHead(answer.status, answer.headers);
  // A HEAD request gets the headers alone: Node leaves the body out.
  res.end(answer.body, 'latin1');
};

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The click redirect and the open pixel (`GET|HEAD <api prefix>/campaigns/t/c|o/:token`), answered
 * on the HTTP server's request event, before Koa builds a context and before Strapi's middlewares
 * (logger, security headers, CORS, body parser, session, router): a campaign's first minutes bring
 * thousands of these a second, each needing only its token, its limits and, for a click, the
 * link's URL, and Koa's share of the work was what kept Strapi under half of a bare server's rate
 * (README, "Tracking at full speed"). In order: the token is verified (constant time, per purpose),
 * the request counted against the public limits for the client Koa would name (client-ip.ts), the
 * URL read from the link cache (a miss reads the campaign's links once), the hit handed to the
 * tracking buffer, never awaited, and the answer sent. HEAD requests (link scanners that only look)
 * get the same answer and record nothing. Anything else, and everything while the plugin is not
 * running, goes on to Koa.
 */
const trackingResponder = (strapi: Core.Strapi) => {
  const base = `${strapi.config.get<string>('api.rest.prefix', '/api')}/${PLUGIN_ID}/t/`;
  const root = rootOf(strapi);
  const koa = strapi.server.app as unknown as ProxySettings;
  // Per cached link (its URL never changes): parsing the URL for every click stood out in the profiles.
  const redirects = new WeakMap<CachedLink, Answer>();
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

  const answer = (req: IncomingMessage, run: Running, kind: 'c' | 'o', token: string): Answer | Promise<Answer> => {
    const purpose = kind === 'c' ? 'click' : 'open';
    const ids = root.tokens.verified(purpose, token);
    const ip = clientIpOf(req, koa);
    const verdict = countPublicHit(run.publicLimits, ids && `${purpose}:${ids.join('.')}`, ip);
    if (verdict.limited) {
      const { headers, body } = tooManyRequestsAnswer(verdict.retryAfterSeconds);
      return answerOf(429, headers, body);
    }
    const record = req.method === 'GET' && ids !== null && ids[0] !== NO_DELIVERY;
    const client = (): ClientDetails => ({ userAgent: req.headers['user-agent'] || undefined, ip });
    if (purpose === 'open') {
      if (record) run.tracking.add({ type: 'open', deliveryId: ids![0], at: Date.now(), client: client() });
      // Always the image, whatever the token: an answer that differed would tell a prober which tokens are genuine.
      return PIXEL;
    }
    if (!ids) return NOT_FOUND;
    const [deliveryId, linkId] = ids;
    const redirect = (link: CachedLink | null) => {
      if (!link) return NOT_FOUND;
      if (record) run.tracking.add({ type: 'click', deliveryId, linkId, at: Date.now(), client: client() });
      let ready = redirects.get(link);
      if (!ready) redirects.set(link, (ready = redirectTo(link.url)));
      return ready;
    };
    const cached = run.links.peek(linkId);
    return cached === undefined ? run.links.get(linkId).then(redirect) : redirect(cached);
  };

  const failed = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    strapi.log.error(`campaigns: ${req.method} ${req.url} failed: ${(error as Error).message}`);
    if (!res.headersSent) send(res, UNAVAILABLE);
  };

  /** Whether the request was the fast path's to answer (answered, or being answered). */
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = pathOf(req.url ?? '');
    if (!path || !path.startsWith(base) || path.charCodeAt(base.length + 1) !== 47 /* / */) return false;
    const kind = path[base.length];
    const token = path.slice(base.length + 2);
    if ((kind !== 'c' && kind !== 'o') || !token || token.includes('/')) return false;
    const run = runningNow();
    if (!run) return false;
    try {
      const result = answer(req, run, kind, token);
      if (result instanceof Promise) result.then((ready) => send(res, ready)).catch((error) => failed(req, res, error));
      else send(res, result);
    } catch (error) {
      failed(req, res, error);
    }
    return true;
  };
};

/**
 * Puts the tracking fast path ahead of the server's own request listener (Strapi's, which hands
 * every request to Koa). Strapi creates its HTTP server with the Koa app, before any plugin
 * registers, so the listener is in place before the server listens.
 */
export const answerTrackingFirst = (strapi: Core.Strapi) => {
  const server: Server = strapi.server.httpServer;
  const responder = trackingResponder(strapi);
  const rest = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (responder(req, res)) return;
    for (const listener of rest) listener.call(server, req, res);
  });
};
