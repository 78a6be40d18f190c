import type { BounceReason } from '../classifier/classification';

/** The first enhanced status code (RFC 3463, `5.1.1`) in a provider's diagnostic text, or null. */
export const statusIn = (text: string | null | undefined): string | null => text?.match(/\b([245])\.(\d{1,3})\.(\d{1,3})\b/)?.[0] ?? null;

// Subject.detail of RFC 3463 (and its successors' registry) to our reasons, for the codes whose meaning is clear.
const BY_DETAIL: Record<string, BounceReason> = {
  '1.1': 'userunknown',
  '1.2': 'hostunknown',
  '1.3': 'syntaxerror',
  '1.6': 'hasmoved',
  '1.10': 'hostunknown',
  '2.1': 'suspend',
  '2.2': 'mailboxfull',
  '2.3': 'mesgtoobig',
  '3.1': 'systemfull',
  '3.2': 'notaccept',
  '3.4': 'mesgtoobig',
  '4.4': 'hostunknown',
  '4.7': 'expired',
  '5.3': 'exceedlimit',
  '7.1': 'rejected',
  '7.13': 'suspend',
  '7.23': 'authfailure',
  '7.25': 'requireptr',
  '7.26': 'authfailure',
};

// What a subject says when its detail is not listed above.
const BY_SUBJECT: Record<string, BounceReason> = {
  '1': 'userunknown',
  '2': 'mailboxfull',
  '3': 'systemerror',
  '4': 'networkerror',
  '5': 'mailererror',
  '6': 'contenterror',
  '7': 'securityerror',
};

/** Our reason for an enhanced status code; null when there is no code or it says nothing more (x.0.0). */
export const reasonOfStatus = (status: string | null): BounceReason | null => {
  const [, subject, detail] = status?.match(/^[245]\.(\d{1,3})\.(\d{1,3})$/) ?? [];
  if (!subject || !detail) return null;
  return BY_DETAIL[`${subject}.${detail}`] ?? (detail === '0' && subject === '0' ? null : (BY_SUBJECT[subject] ?? null));
};
