import type { BounceReason } from '../classifier/classification';
import { reasonFromStatus } from '../classifier/reasons';

/** The first enhanced status code (RFC 3463, `5.1.1`) in a provider's diagnostic text, or null. */
export const statusIn = (text: string | null | undefined): string | null => text?.match(/\b([245])\.(\d{1,3})\.(\d{1,3})\b/)?.[0] ?? null;

// A provider often gives a code and no words: then the code's subject (RFC 3463 section 3) is all there is to go on.
const BY_SUBJECT: Record<string, BounceReason> = {
  '1': 'userunknown',
  '2': 'mailboxfull',
  '3': 'systemerror',
  '4': 'networkerror',
  '5': 'mailererror',
  '6': 'contenterror',
  '7': 'securityerror',
};

/** Our reason for an enhanced status code: the classifier's reading of it, else its subject's; null for x.0.0 or no code. */
export const reasonOfStatus = (status: string | null): BounceReason | null => {
  const [, subject, detail] = status?.match(/^[245]\.(\d{1,3})\.(\d{1,3})$/) ?? [];
  if (!subject || !detail) return null;
  return reasonFromStatus(status) ?? (subject === '0' ? null : (BY_SUBJECT[subject] ?? null));
};
