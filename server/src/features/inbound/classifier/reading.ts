import type { ClassifyLimits } from './classification';
import { findAddresses, findMessageIds, isSystemAddress } from './addresses';
import { isRedacted } from './feedback-report';
import { parseHeaderBlock, type HeaderBlock } from './headers';
import type { Deadline } from './limits';
import { walkMime, type MimeDigest } from './mime';
import { splitReturnedMessage } from './text-notice';

/** One message read once: its headers, its own words, the message it returns, where it was sent. */

/** The input as one char per byte with LF line ends, cut to maxBytes, without a leading mbox "From " line. */
export const normalizeInput = (raw: Buffer | string, maxBytes: number): string => {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (!Buffer.isBuffer(bytes)) throw new TypeError('campaigns: classifyInboundMessage expects the message as a Buffer or a string');
  let text = bytes.subarray(0, maxBytes).toString('latin1').replace(/\r\n?/g, '\n');
  if (text.startsWith('From ')) text = text.slice(text.indexOf('\n') + 1);
  return text.replace(/^\n+/, '');
};

export const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

export const addressesOf = (values: readonly string[]): string[] => values.flatMap((value) => findAddresses(value));

/** Everything read of one message, shared by the steps that decide what it is. */
export interface Reading {
  digest: MimeDigest;
  headers: HeaderBlock;
  subject: string;
  from: string;
  /** The notice's own words, without the message it returns. */
  notice: string;
  /** Every text part, the returned message included. */
  fullText: string;
  /** Header blocks of the returned message: MIME parts first, then one quoted inline. */
  returned: HeaderBlock[];
  envelopeRecipients: string[];
  messageId: string | null;
}

export const read = (source: string, limits: ClassifyLimits, deadline: Deadline): Reading => {
  const digest = walkMime(source, limits, deadline);
  const { headers } = digest;
  const ownTexts = digest.texts.filter((part) => !part.attachment);
  const texts = (ownTexts.length ? ownTexts : digest.texts).map((part) => part.text);
  const fullText = texts.join('\n\n');
  const { notice, returned } = splitReturnedMessage(fullText);
  const returnedHeaders = [...digest.returnedHeaders];
  if (returned) {
    // Some notices quote the returned message as a reply would, with "> " before each line.
    const text = returned.replace(/^>[ \t]?/gm, '');
    const start = text.search(/^(return-path|received|message-id|from|to|subject|date):/im);
    if (start !== -1)
      returnedHeaders.push(parseHeaderBlock(text.slice(start, start + limits.maxHeaderBytes).split(/\n\s*\n/)[0], limits.maxHeaderBytes));
  }
  const envelope = ['delivered-to', 'x-original-to', 'to', 'envelope-to', 'x-envelope-to'].flatMap((name) => headers.all(name));
  return {
    digest,
    headers,
    subject: headers.get('subject') ?? '',
    from: headers.get('from') ?? '',
    notice,
    fullText,
    returned: returnedHeaders,
    envelopeRecipients: unique(addressesOf(envelope)),
    messageId: findMessageIds(headers.get('message-id'))[0] ?? null,
  };
};

/**
 * Addresses that are never a failed recipient: where the notice went (our VERP address), who wrote
 * it, and who sent the message it returns.
 */
export const ownAddresses = (reading: Reading): Set<string> => {
  const senders = reading.returned.flatMap((block) =>
    addressesOf([...block.all('from'), ...block.all('return-path'), ...block.all('sender')])
  );
  return new Set([...reading.envelopeRecipients, ...addressesOf([reading.from]), ...senders]);
};

export const returnedRecipients = (reading: Reading): string[] => {
  const own = ownAddresses(reading);
  const to = reading.returned.flatMap((block) => addressesOf([...block.all('to'), ...block.all('cc')]));
  return unique(to.filter((address) => !own.has(address) && !isRedacted(address) && !isSystemAddress(address)));
};
