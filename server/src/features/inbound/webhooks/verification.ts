import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { WebhookContext, WebhookRequest } from './provider';

/** The request is not from the sender it claims (no or wrong signature or credentials, a replay, a stale timestamp): 401, nothing applied. */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
}

/** A verified body that does not hold what the provider documents: 400, nothing applied. */
export class MalformedPayload extends Error {
  override name = 'MalformedPayload';
}

export const hmacSha256 = (key: string | Buffer, ...parts: Array<string | Buffer>) => {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
};

// Both sides go through an HMAC under a key of this process, so the comparison takes the same time whatever their lengths.
const COMPARE_KEY = randomBytes(32);

/** Constant-time equality of two secrets or signatures, of any lengths. */
export const sameSecret = (given: string | Buffer, expected: string | Buffer) =>
  timingSafeEqual(hmacSha256(COMPARE_KEY, given), hmacSha256(COMPARE_KEY, expected));

export const requireHeader = (request: WebhookRequest, name: string) => {
  const value = request.header(name)?.trim();
  if (!value) throw new RequestRefused(`the ${name} header is missing`);
  return value;
};

/**
 * A signed timestamp (Unix seconds) no older and no further ahead than maxAgeSeconds: a captured
 * request replayed later is refused even with its genuine signature.
 */
export const assertFresh = (timestamp: string | number, context: WebhookContext, what: string) => {
  const seconds = typeof timestamp === 'number' ? timestamp : Number(timestamp);
  if (!Number.isFinite(seconds) || seconds <= 0 || (typeof timestamp === 'string' && !/^\d+(\.\d+)?$/.test(timestamp)))
    throw new RequestRefused(`${what} is not a Unix time in seconds`);
  const age = Math.round(context.now / 1000 - seconds);
  if (age > context.maxAgeSeconds)
    throw new RequestRefused(`${what} is ${age} s old: at most ${context.maxAgeSeconds} s is accepted (a replay, or a clock out of sync)`);
  if (-age > context.maxAgeSeconds)
    throw new RequestRefused(`${what} is ${-age} s in the future: at most ${context.maxAgeSeconds} s is accepted (a clock out of sync)`);
};
