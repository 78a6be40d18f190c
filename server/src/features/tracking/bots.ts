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
 * No reader opens a message within this long of it leaving: proxies that prefetch on delivery do.
 */
export const MACHINE_WINDOW_MS = 2000;

/**
 * Link scanners at the receiving server (Defender's Safe Links, Mimecast, Proofpoint...) click
 * within seconds of delivery, or every link of a message within seconds of each other, and most
 * of them without loading its images. A reader takes longer than this to read and choose.
 */
export const SCANNER_WINDOW_MS = 10_000;

const MACHINE_KINDS: ReadonlySet<ClientKind> = new Set(['none', 'apple-privacy', 'bot']);

/**
 * Why an open or click is taken for a machine's, or `human`. Such events are recorded with
 * `is_bot` and the verdict rather than dropped, and do not set the delivery's first open or click
 * time (what engagement segments read).
 * - `user-agent`: the client says what it is (`data.client`: none, apple-privacy or bot);
 * - `after-delivery`: within seconds of the message leaving (an image proxy alone is not a
 *   machine: Gmail fetches when its reader opens the message, except right after delivery);
 * - `before-open`: a click on a message whose pixel was never fetched;
 * - `all-links`: the click that makes every link of a message (two or more) clicked within seconds.
 */
export type Verdict = 'human' | 'user-agent' | 'after-delivery' | 'before-open' | 'all-links';

export const openVerdict = (kind: ClientKind, at: number, sentAt: number | null): Verdict => {
  if (MACHINE_KINDS.has(kind)) return 'user-agent';
  if (sentAt !== null && at - sentAt < MACHINE_WINDOW_MS) return 'after-delivery';
  return 'human';
};

/** What a click's verdict depends on besides its client: the delivery's opens and its clicks so far. */
export interface ClickContext {
  sentAt: number | null;
  /** The delivery's first open of any kind (a machine's prefetch too), or null. */
  firstOpenAt: number | null;
  /** The delivery's earlier clicks: at least those of the last SCANNER_WINDOW_MS. */
  clicks: ReadonlyArray<{ linkId: number; at: number }>;
  /** How many links its campaign has. */
  linkCount: number;
}

export const clickVerdict = (kind: ClientKind, at: number, linkId: number, context: ClickContext): Verdict => {
  if (MACHINE_KINDS.has(kind)) return 'user-agent';
  if (context.sentAt !== null && at - context.sentAt < SCANNER_WINDOW_MS) return 'after-delivery';
  if (context.firstOpenAt === null || context.firstOpenAt > at) return 'before-open';
  if (context.linkCount >= 2) {
    const recent = new Set([linkId]);
    for (const click of context.clicks) if (click.at <= at && at - click.at < SCANNER_WINDOW_MS) recent.add(click.linkId);
    if (recent.size >= context.linkCount) return 'all-links';
  }
  return 'human';
};
