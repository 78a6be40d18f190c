import { normalizeAddress } from './addresses';

/** The per-recipient fields of an RFC 3464 delivery-status report. */
export interface DsnRecipient {
  finalRecipient: string | null;
  originalRecipient: string | null;
  /** Lower-case: failed, delayed, delivered, relayed, expanded (or absent). */
  action: string | null;
  status: string | null;
  /** Diagnostic-Code without its type ("smtp;"), one line. */
  diagnostic: string | null;
  remoteMta: string | null;
}

const STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

/** The x.y.z code in a text, if any. */
export const findStatus = (text: string | null | undefined): string | null => {
  const match = text ? STATUS.exec(text) : null;
  return match ? `${match[1]}.${Number(match[2])}.${Number(match[3])}` : null;
};

export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Strips the type of a typed field ("smtp; 550 ..." -> "550 ..."). */
const untyped = (value: string): string => value.replace(/^\s*[a-z][a-z0-9-]*\s*;\s*/i, '');

const emptyRecipient = (): DsnRecipient => ({
  finalRecipient: null,
  originalRecipient: null,
  action: null,
  status: null,
  diagnostic: null,
  remoteMta: null,
});

/**
 * Reads the fields of a delivery-status body. Records are split where a recipient field repeats or
 * follows an Action or Status rather than on blank lines: some mail systems write no blank line
 * between recipients, and Original-Recipient comes before or after Final-Recipient.
 */
export const parseDeliveryStatus = (text: string): DsnRecipient[] => {
  const fields: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last && line.trim()) {
      last[1] += ' ' + line.trim();
      continue;
    }
    const match = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:(.*)$/.exec(line);
    if (match) fields.push([match[1].toLowerCase(), match[2].trim()]);
  }
  const records: DsnRecipient[] = [];
  let current: DsnRecipient | null = null;
  const open = () => {
    current = emptyRecipient();
    records.push(current);
    return current;
  };
  for (const [name, value] of fields) {
    let record: DsnRecipient = current ?? open();
    switch (name) {
      case 'original-recipient':
        if (record.originalRecipient || record.action || record.status) record = open();
        record.originalRecipient = normalizeAddress(value);
        break;
      case 'final-recipient':
      case 'x-actual-recipient':
        if (name === 'x-actual-recipient' && record.finalRecipient) break;
        if (record.finalRecipient || record.action || record.status) record = open();
        record.finalRecipient = normalizeAddress(value);
        break;
      case 'action':
        record.action = value.toLowerCase().split(/[\s(;]/)[0] || null;
        break;
      case 'status':
        record.status = findStatus(value);
        break;
      case 'diagnostic-code':
        record.diagnostic = oneLine(untyped(value)) || null;
        break;
      case 'remote-mta':
        record.remoteMta = oneLine(untyped(value)) || null;
        break;
      default:
    }
  }
  return records.filter((r) => r.finalRecipient || r.originalRecipient);
};
