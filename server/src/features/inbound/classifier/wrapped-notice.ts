import { parseContentType, parseHeaderBlock, type HeaderBlock } from './headers';
import type { MimeDigest } from './mime';
import { hasBounceSubject, isSystemSender } from './bounce-signals';

/**
 * Notices that reach us inside another message: a spam filter's report_safe wrapping, a helpdesk or
 * mail filter forwarding a bounce as an attachment. The wrapper says nothing of the failure; the
 * notice it carries does.
 */

/** What only a mail system's report looks like from its headers, whatever its text. */
const looksLikeNotice = (headers: HeaderBlock): boolean => {
  if (parseContentType(headers.get('content-type')).type === 'multipart/report') return true;
  if (headers.has('x-failed-recipients')) return true;
  if (/^<\s*>$/.test(headers.get('return-path') ?? '')) return true;
  return isSystemSender(headers.get('from') ?? '') && hasBounceSubject(headers.get('subject') ?? '');
};

/** The attached notice to classify instead of the message carrying it, or null when the message speaks for itself. */
export const wrappedNotice = (digest: MimeDigest, maxHeaderBytes: number): string | null => {
  if (digest.reportType || digest.deliveryStatus.length || digest.feedbackReports.length) return null;
  return (
    digest.attachedMessages.find((message) => {
      const blank = message.indexOf('\n\n');
      return looksLikeNotice(parseHeaderBlock(blank === -1 ? message : message.slice(0, blank), maxHeaderBytes));
    }) ?? null
  );
};
