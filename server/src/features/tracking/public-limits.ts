import { isIPv4, isIPv6 } from 'node:net';
import type { PluginConfig } from '../../config/schema';

export type PublicLimits = PluginConfig['publicLimits'];

/** One fixed-window counter after this request was counted: its count and the milliseconds until it resets. */
export interface WindowCount {
  count: number;
  ttlMs: number;
}

/**
 * What one public request counted. A token that verifies counts for itself and for its client IP;
 * one that does not only counts against its IP's invalid tokens, so a flood of guesses is stopped
 * without touching any recipient's own allowance.
 */
export type PublicHit = { valid: true; token: WindowCount; ip: WindowCount } | { valid: false; invalid: WindowCount };

export type PublicVerdict = { limited: false } | { limited: true; reason: 'token' | 'ip' | 'invalid'; retryAfterSeconds: number };

const ALLOWED: PublicVerdict = { limited: false };

const limitedBy = (reason: 'token' | 'ip' | 'invalid', window: WindowCount): PublicVerdict => ({
  limited: true,
  reason,
  retryAfterSeconds: Math.max(1, Math.ceil(window.ttlMs / 1000)),
});

/**
 * Whether a public request is over its limits. A token's first `firstPerToken` requests always
 * pass: many recipients share one IP (an office, a mailbox provider's image proxy), and the busy IP
 * must not cost any of them their first click or their unsubscribe.
 */
export const decide = (limits: PublicLimits, hit: PublicHit): PublicVerdict => {
  if (!hit.valid) return hit.invalid.count > limits.invalidPerIp ? limitedBy('invalid', hit.invalid) : ALLOWED;
  if (hit.token.count <= limits.firstPerToken) return ALLOWED;
  if (hit.token.count > limits.perToken) return limitedBy('token', hit.token);
  if (hit.ip.count > limits.perIp) return limitedBy('ip', hit.ip);
  return ALLOWED;
};

/** What counting a public request needs: the limits, the key prefix, the counts (synced-counter.ts). */
export interface PublicCounting {
  limits: PublicLimits;
  /** `<redis prefix>:public`. */
  prefix: string;
  counter: { hit(key: string, windowMs: number, localUpTo?: number): WindowCount; sync(): Promise<void> };
}

/**
 * Counts one public request and answers whether it is over its limits. `subject`: what the
 * verified token stands for (`click:12.3`, ids only), or null for a token that did not verify.
 */
export const countPublicHit = (
  { limits, prefix, counter }: PublicCounting,
  subject: string | null,
  ip: string | undefined
): PublicVerdict => {
  if (!limits.enabled) return ALLOWED;
  const windowMs = limits.windowSeconds * 1000;
  const client = clientKey(ip);
  if (!subject) return decide(limits, { valid: false, invalid: counter.hit(`${prefix}:invalid:${client}`, windowMs) });
  // A token's first requests pass whatever the count (decide): no instance needs the others' count of them.
  const token = counter.hit(`${prefix}:token:${subject}`, windowMs, limits.firstPerToken);
  return decide(limits, { valid: true, token, ip: counter.hit(`${prefix}:ip:${client}`, windowMs) });
};

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** The eight hextets of an IPv6 address, `::` expanded (an embedded IPv4 tail counts as two). */
const hextetsOf = (ip: string): string[] => {
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const part = (text: string) =>
    (text ? text.split(':') : []).flatMap((piece) => {
      if (!isIPv4(piece)) return [piece];
      const [a, b, c, d] = piece.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  const left = part(head);
  const right = part(tail);
  const zeros = ip.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...zeros, ...right].map((hextet) => hextet.replace(/^0+(?=.)/, ''));
};

let lastClient: { ip: string | undefined; key: string } = { ip: undefined, key: 'unknown' };

const keyOfClient = (ip: string | undefined): string => {
  const address = (ip ?? '').trim().replace(/%.*$/, '');
  const mapped = IPV4_MAPPED.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${hextetsOf(address).slice(0, 4).join(':')}::/64`;
  return 'unknown';
};

/**
 * Who a request's limits are counted for: an IPv4 address as is, an IPv6 client by its /64 (one
 * customer's network gets a whole /64 and could rotate through it), anything else as `unknown`.
 */
export const clientKey = (ip: string | undefined): string => {
  // Every request of a keep-alive connection, and of a busy proxy, asks for the same address in a row.
  if (ip === lastClient.ip) return lastClient.key;
  const key = keyOfClient(ip);
  lastClient = { ip, key };
  return key;
};
