/** A 1x1 transparent GIF (43 bytes). */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The same image inlined: a page showing a message puts it where the open pixel was, so showing it counts no open. */
export const BLANK_PIXEL_URI = `data:image/gif;base64,${PIXEL_GIF.toString('base64')}`;

/** Nothing a tracking URL answers may be cached: a cached pixel or redirect counts nothing, a cached page may outlive an unsubscribe. */
const NO_STORE = { 'Cache-Control': 'private, no-store, max-age=0', 'Referrer-Policy': 'no-referrer' };

export const PIXEL_HEADERS = { ...NO_STORE, 'Content-Type': 'image/gif' };

export const REDIRECT_HEADERS = NO_STORE;

/** The unsubscribe and not-found pages: our own markup and inline styles, nothing else, never framed or indexed. */
export const PAGE_HEADERS = {
  ...NO_STORE,
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex, nofollow',
};

/**
 * A message shown in the browser is an editor's HTML served from the Strapi origin, where the admin
 * keeps its session: no script runs (none is allowed, and the sandbox gives the page an origin of
 * its own), no form posts, images and fonts load from anywhere as in a mail client, and its links
 * open normally (MJML buttons open a new tab, which must not inherit the sandbox).
 */
export const VIEW_HEADERS = {
  ...PAGE_HEADERS,
  'Content-Security-Policy':
    "default-src 'none'; img-src * data:; style-src 'unsafe-inline' https:; font-src * data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; " +
    'sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation',
};

export const TEXT_HEADERS = { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

/** The answer over a public limit: plain text, and when to come back. */
export const tooManyRequests = (
  ctx: { set(headers: Record<string, string>): void; status: number; body: unknown },
  retryAfterSeconds: number
) => {
  ctx.set({ ...TEXT_HEADERS, 'Retry-After': String(retryAfterSeconds) });
  ctx.status = 429;
  ctx.body = `Too many requests: try again in ${retryAfterSeconds} seconds.`;
};
