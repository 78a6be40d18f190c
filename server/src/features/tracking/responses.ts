import { NO_STORE_HEADERS } from '../../public-pages';

/** A 1x1 transparent GIF (43 bytes). */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The same image inlined: a page showing a message puts it where the open pixel was, so showing it counts no open. */
export const BLANK_PIXEL_URI = `data:image/gif;base64,${PIXEL_GIF.toString('base64')}`;

/** Nothing a tracking URL answers may be cached: a cached pixel or redirect counts nothing. */
const NO_STORE = NO_STORE_HEADERS;

export const PIXEL_HEADERS = { ...NO_STORE, 'Content-Type': 'image/gif' };

export const REDIRECT_HEADERS = NO_STORE;

/** A social icon never changes at its address: mail clients and their image proxies keep it. */
export const SOCIAL_ICON_HEADERS = {
  'Content-Type': 'image/png',
  'Cache-Control': 'public, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
};

/** A message shown in the browser: its Content-Security-Policy is made for its HTML (public-pages/view-policy.ts). */
export const VIEW_HEADERS = {
  ...NO_STORE,
  'Content-Type': 'text/html; charset=utf-8',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex, nofollow',
};

export const TEXT_HEADERS = { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

/** The answer over a public limit: plain text, and when to come back. */
export const tooManyRequestsAnswer = (retryAfterSeconds: number) => ({
  headers: { ...TEXT_HEADERS, 'Retry-After': String(retryAfterSeconds) },
  body: `Too many requests: try again in ${retryAfterSeconds} seconds.`,
});

export const tooManyRequests = (
  ctx: { set(headers: Record<string, string>): void; status: number; body: unknown },
  retryAfterSeconds: number
) => {
  const { headers, body } = tooManyRequestsAnswer(retryAfterSeconds);
  ctx.set(headers);
  ctx.status = 429;
  ctx.body = body;
};
