/** Addresses and Message-IDs as notices write them. */

// Full-width punctuation (CJK notices) ends an address as its ASCII twin does.
const ADDRESS_IN_TEXT = /[^\s<>()[\]",;:@'`|=：，。、＜＞（）]+@[^\s<>()[\]",;:@'`|=：，。、＜＞（）]+/g;
const TRAILING = /[.\-_*#]+$/;
const LEADING = /^[.\-_*]+/;

/**
 * One address from a DSN field or a header: "rfc822; <User@Example.com>" -> "user@example.com".
 * Null when it holds no address.
 */
export const normalizeAddress = (value: string | null | undefined): string | null => {
  if (!value) return null;
  let text = value.trim();
  const typed = /^[a-z0-9-]+;\s*(.*)$/i.exec(text);
  if (typed) text = typed[1];
  const found = text.match(ADDRESS_IN_TEXT);
  if (!found) return null;
  const address = found[0].replace(TRAILING, '').replace(LEADING, '').toLowerCase();
  const at = address.indexOf('@');
  return at > 0 && at < address.length - 1 ? address : null;
};

/** Every address in a text, in order, each once. */
export const findAddresses = (text: string): string[] => {
  const seen = new Set<string>();
  for (const match of text.matchAll(ADDRESS_IN_TEXT)) {
    const address = normalizeAddress(match[0]);
    if (address && /\.[a-z0-9-]*[a-z0-9]$|@\[?[\d.]+\]?$/.test(address)) seen.add(address);
  }
  return [...seen];
};

const MESSAGE_ID = /<[^<>\s@]+@[^<>\s]+>/g;

/** The Message-IDs of a header value (Message-ID, In-Reply-To, References), each with its angle brackets. */
export const findMessageIds = (value: string | null | undefined): string[] =>
  value ? [...value.matchAll(MESSAGE_ID)].map((m) => m[0]) : [];

/** Senders that only ever write notices: their address is never a failed recipient. */
export const isSystemAddress = (address: string): boolean =>
  /^(mailer-daemon|postmaster|mail-daemon|maildaemon|mailerdaemon|daemon|bounce|bounces|noreply|no-reply|nobody|root|abuse|mdaemon|mail\.delivery|microsoftexchange[0-9a-f]*|mailer|ms-exchange)@/i.test(
    address
  ) || /^(mailer-daemon|postmaster)/i.test(address);
