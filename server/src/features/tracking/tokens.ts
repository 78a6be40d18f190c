import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a public URL's token lets its holder do; a token made for one purpose is refused by the others. */
export type TokenPurpose = 'click' | 'open' | 'unsubscribe' | 'preferences' | 'view' | 'unsubscribe-undo';

const MAC_BYTES = 16;
const ID = /^[0-9a-z]{1,13}$/;

// By secret, then purpose: looked up on every verification, without building a string for it.
const keys = new Map<string, Map<TokenPurpose, Buffer>>();

/** The per-purpose key, derived once per secret: every message signs about a dozen tokens. */
const keyFor = (secret: string, purpose: TokenPurpose) => {
  let ofSecret = keys.get(secret);
  if (!ofSecret) keys.set(secret, (ofSecret = new Map()));
  let key = ofSecret.get(purpose);
  if (!key) {
    key = createHmac('sha256', secret).update(`campaigns-token-v1:${purpose}`).digest();
    ofSecret.set(purpose, key);
  }
  return key;
};

const macOf = (secret: string, purpose: TokenPurpose, body: string) =>
  createHmac('sha256', keyFor(secret, purpose)).update(body).digest().subarray(0, MAC_BYTES);

/**
 * A token for public URLs (click, open pixel, unsubscribe, preferences, view in browser): the row ids
 * it stands for in base 36, then a 128-bit HMAC-SHA256 of them under a key derived per purpose.
 * No address or other personal data is in it; ids alone say nothing without the database.
 */
export const signToken = (secret: string, purpose: TokenPurpose, ids: readonly number[]) => {
  if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id < 0)) {
    throw new Error(`token ids must be non-negative integers, got ${JSON.stringify(ids)}`);
  }
  const body = ids.map((id) => id.toString(36)).join('.');
  return `${body}.${macOf(secret, purpose, body).toString('base64url')}`;
};

/** The ids of a token this secret signed for this purpose; null for anything else (compared in constant time). */
export const verifyToken = (secret: string, purpose: TokenPurpose, token: string, idCount: number): number[] | null => {
  if (typeof token !== 'string' || token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== idCount + 1) return null;
  const ids = parts.slice(0, idCount);
  if (!ids.every((id) => ID.test(id))) return null;
  const given = Buffer.from(parts[idCount], 'base64url');
  if (given.length !== MAC_BYTES || given.toString('base64url') !== parts[idCount]) return null;
  if (!timingSafeEqual(given, macOf(secret, purpose, ids.join('.')))) return null;
  const numbers = ids.map((id) => parseInt(id, 36));
  return numbers.every(Number.isSafeInteger) ? numbers : null;
};
