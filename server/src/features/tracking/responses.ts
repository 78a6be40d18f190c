import { NO_STORE_HEADERS } from '../../public-pages';

/** A 1x1 transparent GIF (43 bytes). */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The same image inlined: a page showing a message puts it where the open pixel was, so showing it counts no open. */
export const BLANK_PIXEL_URI = `data:image/gif;base64,${PIXEL_GIF.toString('base64')}`;

/** Nothing a tracking URL answers may be cached: a cached pixel or redirect counts nothing. */
const NO_STORE = NO_STORE_HEADERS;

export const PIXEL_HEADERS = { ...NO_STORE, 'Content-Type': 'image/gif' };

export const REDIRECT_HEADERS = NO_STORE;

/**
 * A message shown in the browser is an editor's HTML served from the Strapi origin, where the admin
 * keeps its session: no script runs (none is allowed, and the sandbox gives the page an origin of
 * its own), no form posts, images and fonts load from anywhere as in a mail client, and its links
 * open normally (MJML buttons open a new tab, which must not inherit the sandbox).
 */
export const VIEW_HEADERS = {
  ...NO_STORE,
  'Content-Type': 'text/html; charset=utf-8',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex, nofollow',
  'Content-Security-Policy':
    "default-src 'none'; img-src * data:; style-src 'unsafe-inline' https:; font-src * data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; " +
    'sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation',
};

export const TEXT_HEADERS = { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
