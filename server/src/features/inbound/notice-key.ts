import { createHash } from 'node:crypto';

/** The idempotency_key column's width (a MySQL utf8mb4 unique index holds 191 characters). */
const MAX_KEY = 191;
/** A reference longer than this is hashed inside event keys, which add their own prefix and delivery id. */
const MAX_EVENT_REFERENCE = 120;

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The idempotency key of one recipient of a notice: origin, reference and recipient. The
 * reference's length is written before it so that no reference can end where another's recipient
 * begins; a key too long for the column is hashed (its origin kept readable).
 */
export const noticeKey = (origin: string, reference: string, email: string | null) => {
  const plain = `${origin}|${reference.length}:${reference}|${email ?? ''}`;
  return plain.length <= MAX_KEY ? plain : `${origin}|sha256:${sha256Hex(plain)}`;
};

/** A notice's reference as delivery events carry it: short enough for their keys. */
export const eventReference = (reference: string) =>
  reference.length <= MAX_EVENT_REFERENCE ? reference : `sha256:${sha256Hex(reference)}`;
