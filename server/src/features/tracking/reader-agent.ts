import { UAParser } from 'ua-parser-js';
import type { ClientKind } from './bots';

/** Where a reader read the message: the mail client family, and the kind of device. */
export interface ReaderAgent {
  /** Outlook, Apple Mail, Gmail, Thunderbird... or, for a webmail, the browser (Chrome, Firefox...). */
  mailClient: string;
  device: ReaderDevice;
}

export const READER_DEVICES = ['desktop', 'mobile', 'tablet', 'other', 'unknown'] as const;
export type ReaderDevice = (typeof READER_DEVICES)[number];

const { NAME } = UAParser.BROWSER;

/**
 * Mail clients the parser does not know, checked before its browsers: desktop and mobile apps
 * name themselves, Apple Mail is WebKit that says neither Safari nor a version, and the webmails'
 * image proxies fetch for Gmail's and Yahoo's readers.
 */
const MAIL_CLIENTS = {
  browser: [
    [/GoogleImageProxy|ggpht\.com/i],
    [[NAME, 'Gmail']],
    [/YahooMailProxy/i],
    [[NAME, 'Yahoo Mail']],
    [/Microsoft Outlook|MSOffice|ms-office|Outlook-(?:iOS|Android)/i],
    [[NAME, 'Outlook']],
    [/Thunderbird\//i],
    [[NAME, 'Thunderbird']],
    [/eM Client/i],
    [[NAME, 'eM Client']],
    [/Airmail/i],
    [[NAME, 'Airmail']],
    [/\((?:Macintosh|iPhone|iPad)[^)]*\) AppleWebKit\/[\d.]+ \(KHTML, like Gecko\)(?: Mobile\/\w+)?$/i],
    [[NAME, 'Apple Mail']],
  ],
};

const DEVICE_TYPES: Readonly<Record<string, ReaderDevice>> = { mobile: 'mobile', tablet: 'tablet' };
const UNKNOWN: ReaderAgent = { mailClient: 'unknown', device: 'unknown' };

const parse = (userAgent: string): ReaderAgent => {
  const { browser, device, os } = new UAParser(userAgent, MAIL_CLIENTS).getResult();
  const mailClient = browser.name ?? 'unknown';
  // An image proxy fetches from a data centre: where its reader was says nothing of the device.
  if (mailClient === 'Gmail' || mailClient === 'Yahoo Mail') return { mailClient, device: 'unknown' };
  const type = device.type ? (DEVICE_TYPES[device.type] ?? 'other') : os.name ? 'desktop' : 'unknown';
  return { mailClient, device: type };
};

/** User-Agents repeat across a campaign's readers (a few hundred at most): each is parsed once. */
const CACHE_LIMIT = 2000;
const cache = new Map<string, ReaderAgent>();

/**
 * The mail client family and device of a reader's open or click, from its User-Agent: the
 * verdict stored with the event (the raw User-Agent is kept only when the settings say so).
 * Machines (no User-Agent, Apple's privacy proxy, scanners) get none.
 */
export const readerAgentOf = (userAgent: string | undefined, kind: ClientKind): ReaderAgent | null => {
  if (kind !== 'browser' && kind !== 'image-proxy') return null;
  const ua = (userAgent ?? '').trim();
  if (!ua) return UNKNOWN;
  let agent = cache.get(ua);
  if (!agent) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    agent = parse(ua);
    cache.set(ua, agent);
  }
  return agent;
};
