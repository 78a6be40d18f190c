import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';

// RFC 5322 dot-atom local part: what real senders and receivers accept without quoting.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type EmailCheck = { ok: true; email: string } | { ok: false; reason: string };

/**
 * Normalises an address the way the plugin stores it: trimmed, domain lower-cased and IDN
 * domains in punycode; the local part keeps its case (RFC 5321 leaves it to the receiver).
 */
export const normalizeEmail = (input: unknown): EmailCheck => {
  if (typeof input !== 'string') return { ok: false, reason: 'must be a string' };
  const raw = input.trim();
  if (raw.length === 0) return { ok: false, reason: 'must not be empty' };
  if (/[\r\n\0]/.test(raw)) return { ok: false, reason: 'must not contain line breaks' };
  const at = raw.lastIndexOf('@');
  if (at <= 0 || at === raw.length - 1) return { ok: false, reason: `"${raw}" is not an email address (expected name@domain)` };
  const local = raw.slice(0, at);
  const domainInput = raw.slice(at + 1);
  if (local.length > 64) return { ok: false, reason: 'the part before "@" is longer than 64 characters' };
  if (!LOCAL_PART.test(local)) return { ok: false, reason: `"${raw}" has characters that are not allowed before "@"` };
  const domain = domainToASCII(domainInput.toLowerCase());
  if (!domain) return { ok: false, reason: `"${domainInput}" is not a valid domain` };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1])) {
    return { ok: false, reason: `"${domainInput}" is not a valid domain` };
  }
  const email = `${local}@${domain}`;
  if (email.length > 254) return { ok: false, reason: 'the address is longer than 254 characters' };
  return { ok: true, email };
};

/**
 * The key suppressions are matched on: it survives erasure of the address itself (GDPR) and is
 * case-insensitive, since receivers in practice treat local parts that way.
 */
export const hashEmail = (normalizedEmail: string) => createHash('sha256').update(normalizedEmail.toLowerCase()).digest('hex');
