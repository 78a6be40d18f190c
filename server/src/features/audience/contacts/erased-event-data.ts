/**
 * What an erasure keeps of an event's `data`: the keys that describe the event without the person
 * (which link, what kind of client and device, the bounce's classification, a complaint's feedback type). Everything else goes: an SMTP
 * answer or bounce text quotes the address, a reference or Message-ID may name the recipient's
 * host, and client details (IP, user agent) are personal. An allow-list, so a key added later is
 * dropped until someone decides it may stay.
 */
export const KEPT_EVENT_KEYS = [
  'linkId',
  'client',
  'kind',
  'code',
  'bounceType',
  'reason',
  'status',
  'isBot',
  'verdict',
  'mailClient',
  'device',
  'feedbackType',
] as const;

const KEPT = new Set<string>(KEPT_EVENT_KEYS);

/** The stored `data` text with only the kept keys; null when nothing is left or it cannot be read. */
export const erasedEventData = (data: string | null): string | null => {
  if (data === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const kept = Object.entries(parsed as Record<string, unknown>).filter(([key]) => KEPT.has(key));
  return kept.length ? JSON.stringify(Object.fromEntries(kept)) : null;
};
