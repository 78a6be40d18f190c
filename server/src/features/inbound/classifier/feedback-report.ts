import { normalizeAddress } from './addresses';

/** The fields of an ARF feedback report (RFC 5965, RFC 6650) the pipeline uses. */
export interface FeedbackReport {
  /** Lower-case: abuse, fraud, virus, other, not-spam... */
  feedbackType: string | null;
  /** Original-Rcpt-To (Removal-Recipient in older reports); empty when the reporter redacted it. */
  recipients: string[];
  originalMailFrom: string | null;
}

/** Reporters that redact the recipient keep the domain or put a placeholder in. */
const REDACTED = /redacted|^x+@|\*{2,}|^[.-]+@|^anonymous@|^unknown@/i;

export const isRedacted = (address: string): boolean => REDACTED.test(address);

export const parseFeedbackReport = (text: string): FeedbackReport => {
  const report: FeedbackReport = { feedbackType: null, recipients: [], originalMailFrom: null };
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:(.*)$/.exec(line);
    if (!match) continue;
    const name = match[1].toLowerCase();
    const value = match[2].trim();
    if (name === 'feedback-type') report.feedbackType ??= value.toLowerCase().split(/[\s;]/)[0] || null;
    else if (name === 'original-rcpt-to' || name === 'removal-recipient') {
      const address = normalizeAddress(value);
      if (address && !isRedacted(address) && !report.recipients.includes(address)) report.recipients.push(address);
    } else if (name === 'original-mail-from') report.originalMailFrom ??= normalizeAddress(value);
  }
  return report;
};
