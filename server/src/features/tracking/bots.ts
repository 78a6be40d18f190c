/**
 * What kind of client fetched a tracking URL, from its User-Agent:
 * - `apple-privacy`: Apple Mail Privacy Protection fetches every image of a message when it reaches
 *   the device, opened or not, with a bare `Mozilla/5.0`.
 * - `image-proxy`: Gmail's and Yahoo's image proxies fetch on behalf of a reader who opened the
 *   message (then cache the image, so later opens are not seen).
 * - `bot`: link scanners, crawlers, link previews and HTTP libraries.
 * - `none`: no User-Agent at all, which no mail client or browser sends.
 */
export type ClientKind = 'none' | 'apple-privacy' | 'image-proxy' | 'bot' | 'browser';

const IMAGE_PROXY = /GoogleImageProxy|ggpht\.com|YahooMailProxy/i;
const BOT =
  /bot\b|crawl|spider|slurp|preview|scanner|safelinks|barracuda|mimecast|proofpoint|symantec|forcepoint|trendmicro|ironport|fortinet|headless|phantomjs|facebookexternalhit|whatsapp|curl\/|wget|python-|go-http-client|java\/|okhttp|axios|node-fetch|libwww/i;

export const classifyUserAgent = (userAgent: string | undefined): ClientKind => {
  const ua = (userAgent ?? '').trim();
  if (!ua) return 'none';
  if (ua === 'Mozilla/5.0') return 'apple-privacy';
  if (IMAGE_PROXY.test(ua)) return 'image-proxy';
  if (BOT.test(ua)) return 'bot';
  return 'browser';
};

/**
 * No reader opens or clicks within this long of the message leaving: scanners at the receiving
 * server and proxies that prefetch on delivery do.
 */
export const MACHINE_WINDOW_MS = 2000;

const MACHINE_KINDS: ReadonlySet<ClientKind> = new Set(['none', 'apple-privacy', 'bot']);

/**
 * Whether an open or click was most likely made by a machine. Such events are recorded with
 * `is_bot` rather than dropped, and do not set the delivery's first open or click time (what
 * engagement segments read). An image proxy alone is not a machine: Gmail fetches when its
 * reader opens the message, except for a fetch right after delivery, which the time rule catches.
 */
export const isMachine = (kind: ClientKind, at: number, sentAt: number | null) =>
  MACHINE_KINDS.has(kind) || (sentAt !== null && at - sentAt < MACHINE_WINDOW_MS);
