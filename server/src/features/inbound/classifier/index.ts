import type { BounceReason, ClassifiedRecipient, ClassifyLimits, InboundClassification, InboundKind } from './classification';
import { findAddresses, findMessageIds, isSystemAddress, normalizeAddress } from './addresses';
import * as auto from './auto-replies';
import * as signals from './bounce-signals';
import { findStatus, oneLine, parseDeliveryStatus, type DsnRecipient } from './delivery-status';
import { parseFeedbackReport } from './feedback-report';
import { Deadline, resolveLimits } from './limits';
import type { Outcome } from './outcome';
import { fromChallenge, fromPerson } from './person';
import { addressesOf, normalizeInput, ownAddresses, read, returnedRecipients, unique, type Reading } from './reading';
import { bounceTypeOf, decideReason, reasonFromText } from './reasons';
import { noticeDiagnostic, noticeStatus, readBareLocalParts, readTextRecipients } from './text-notice';
import { wrappedNotice } from './wrapped-notice';

export * from './classification';
export { ClassifyTimeoutError, DEFAULT_CLASSIFY_LIMITS } from './limits';

const SMTP_CODE = /(?:^|[^\d.])([245]\d\d)(?:[ -]|$)/;
const smtpCodeOf = (diagnostic: string | null): string | null => (diagnostic ? (SMTP_CODE.exec(diagnostic)?.[1] ?? null) : null);

const recipientOf = (address: string, diagnostic: string | null, status: string | null, context: string): ClassifiedRecipient => {
  const line = diagnostic ? oneLine(diagnostic) : null;
  const code = status ?? findStatus(line);
  const reason = decideReason(line, code, context);
  return { address, bounceType: bounceTypeOf(reason, code, smtpCodeOf(line)), reason, status: code, diagnostic: line };
};

/** A DSN's Status says less than the server's answer when it is only a class (5.0.0). */
const bestStatus = (record: DsnRecipient): string | null => {
  const fromDiagnostic = findStatus(record.diagnostic);
  if (!record.status || (/\.0\.0$/.test(record.status) && fromDiagnostic && fromDiagnostic[0] === record.status[0]))
    return fromDiagnostic ?? record.status;
  return record.status;
};

const FAILED_ACTIONS = new Set(['failed', 'failure', 'undelivered', 'undeliverable', 'bounced', 'permanent']);
const DELIVERED_ACTIONS = new Set(['delivered', 'relayed', 'expanded']);

const fromDeliveryStatus = (reading: Reading, records: DsnRecipient[]): Outcome | null => {
  if (!records.length) return null;
  const delay = signals.isDelayWarning(reading.subject, reading.notice);
  const textual = new Map(readTextRecipients(reading.notice, new Set()).map((r) => [r.address, r.diagnostic]));
  const fallback = noticeDiagnostic(reading.notice);
  const failed: ClassifiedRecipient[] = [];
  const delivered: ClassifiedRecipient[] = [];
  const delayed: ClassifiedRecipient[] = [];
  for (const record of records) {
    const address = (record.finalRecipient ?? record.originalRecipient) as string;
    const status = bestStatus(record);
    const action = record.action ?? (status?.startsWith('2.') ? 'delivered' : status?.startsWith('4.') && delay ? 'delayed' : 'failed');
    const diagnostic =
      record.diagnostic ?? textual.get(address) ?? (record.originalRecipient ? textual.get(record.originalRecipient) : null) ?? fallback;
    if (DELIVERED_ACTIONS.has(action)) delivered.push({ address, bounceType: null, reason: 'delivered', status, diagnostic });
    else if (action === 'delayed') delayed.push({ ...recipientOf(address, diagnostic, status, reading.notice), bounceType: null });
    else if (FAILED_ACTIONS.has(action) || !delay) failed.push(recipientOf(address, diagnostic, status, reading.notice));
    else delayed.push({ ...recipientOf(address, diagnostic, status, reading.notice), bounceType: null });
  }
  if (failed.length) return { kind: 'bounce', recipients: unique(failed.map((r) => r.address)), details: failed, feedbackType: null };
  if (delivered.length && !delayed.length)
    return {
      kind: 'delivered',
      recipients: unique(delivered.map((r) => r.address)),
      details: delivered,
      feedbackType: null,
      reason: 'delivered',
    };
  return { kind: 'unknown', recipients: [], details: [...delayed, ...delivered], feedbackType: null, reason: null };
};

/** DSN fields written into a notice's text instead of a delivery-status part. */
const inlineDeliveryStatus = (notice: string): DsnRecipient[] =>
  /^(final|original)-recipient\s*:/im.test(notice) && /^(action|status)\s*:/im.test(notice) ? parseDeliveryStatus(notice) : [];

/** Reasons that only a failed delivery gives: said by a mail system, they make a notice a bounce. */
const FAILURE_REASONS = new Set<BounceReason>([
  'userunknown',
  'hostunknown',
  'mailboxfull',
  'suspend',
  'hasmoved',
  'mesgtoobig',
  'norelaying',
  'notaccept',
  'exceedlimit',
  'systemfull',
]);

const isBounceNotice = (reading: Reading): boolean => {
  if (reading.headers.has('x-failed-recipients') || signals.hasBounceSubject(reading.subject) || signals.hasBounceBody(reading.notice))
    return true;
  const fromSystem =
    signals.isSystemSender(reading.from) || /^<?>?$/.test(reading.from.trim()) || /^<\s*>$/.test(reading.headers.get('return-path') ?? '');
  if (!fromSystem) return false;
  if (/\b[45]\d\d\b.{0,200}@|@.{0,200}\b[45]\d\d\b|\b[45]\.\d\.\d{1,3}\b/.test(reading.notice)) return true;
  const reason = reasonFromText(reading.notice.slice(0, 2000));
  return reason !== null && FAILURE_REASONS.has(reason) && !auto.hasVacationSubject(reading.subject);
};

const fromText = (reading: Reading): Outcome | null => {
  if (!isBounceNotice(reading)) return null;
  const failedHeader = addressesOf(reading.headers.all('x-failed-recipients'));
  const excluded = ownAddresses(reading);
  const found = readTextRecipients(reading.notice, excluded);
  const diagnostics = new Map(found.map((r) => [r.address, r.diagnostic]));
  let addresses = failedHeader.length ? failedHeader : found.filter((r) => r.diagnostic).map((r) => r.address);
  if (!addresses.length) addresses = found.map((r) => r.address);
  if (!addresses.length) addresses = readBareLocalParts(reading.notice, addressesOf([reading.from])[0]?.split('@')[1] ?? null);
  if (!addresses.length) addresses = returnedRecipients(reading).slice(0, 1);
  if (!addresses.length) {
    const named = findAddresses(reading.notice).filter((address) => !excluded.has(address) && !isSystemAddress(address));
    if (named.length === 1) addresses = named;
  }
  if (signals.isDelayWarning(reading.subject, reading.notice) && !/\b5\d\d\b|\b5\.\d{1,3}\.\d{1,3}\b/.test(reading.notice.slice(0, 5000))) {
    const details = addresses.map((address) => ({
      ...recipientOf(address, diagnostics.get(address) ?? null, null, reading.notice),
      bounceType: null,
    }));
    return { kind: 'unknown', recipients: [], details, feedbackType: null, reason: null };
  }
  const fallback = noticeDiagnostic(reading.notice);
  // One failed recipient: a status the notice states elsewhere is theirs.
  const stated = addresses.length === 1 ? noticeStatus(reading.notice) : null;
  const details = addresses.map((address) => {
    const diagnostic = diagnostics.get(address) ?? fallback;
    return recipientOf(address, diagnostic, findStatus(diagnostic) ?? stated, reading.notice);
  });
  return { kind: 'bounce', recipients: unique(addresses), details, feedbackType: null };
};

/** ARF reports, and the older feedback loops that send the complained-of message with a marker header. */
const fromFeedback = (reading: Reading): Outcome | null => {
  const { digest } = reading;
  const arfText = digest.feedbackReports[0] ?? (/^feedback-type\s*:/im.test(reading.notice) ? reading.notice : null);
  const jmrp = [reading.headers, ...reading.returned].flatMap((block) => addressesOf(block.all('x-hmxmroriginalrecipient')));
  if (!arfText && digest.reportType !== 'feedback-report' && !jmrp.length) return null;
  const report = parseFeedbackReport(arfText ?? '');
  let recipients = report.recipients.length ? report.recipients : jmrp;
  if (!recipients.length) recipients = returnedRecipients(reading).slice(0, 1);
  const feedbackType = report.feedbackType ?? 'abuse';
  const details = recipients.map((address) => ({ address, bounceType: null, reason: 'feedback' as const, status: null, diagnostic: null }));
  return { kind: 'complaint', recipients: unique(recipients), details, feedbackType, reason: 'feedback' };
};

const referencedIds = (reading: Reading, kind: InboundKind): string[] => {
  const ids = reading.returned.flatMap((block) => findMessageIds(block.get('message-id')));
  for (const match of reading.fullText.matchAll(/^[\s>]*(?:original[- ]?)?message-id\s*:\s*(<[^<>\s]+>)/gim)) ids.push(match[1]);
  if (kind === 'reply' || kind === 'auto-reply' || kind === 'unsubscribe-request' || !ids.length)
    ids.push(...findMessageIds(reading.headers.get('in-reply-to')), ...findMessageIds(reading.headers.get('references')).reverse());
  return unique(ids.filter((id) => id !== reading.messageId));
};

/** Addresses the notice reached, and the returned message's envelope sender: where a VERP address shows up. */
const envelopeOf = (reading: Reading, kind: InboundKind): string[] => {
  const quoted =
    kind === 'bounce' || kind === 'complaint' || kind === 'delivered' || kind === 'unknown'
      ? [
          ...reading.returned.flatMap((block) => addressesOf(block.all('return-path'))),
          ...(reading.digest.feedbackReports[0] ? [parseFeedbackReport(reading.digest.feedbackReports[0]).originalMailFrom ?? ''] : []),
        ]
      : [];
  return unique([...reading.envelopeRecipients, ...quoted.map((a) => normalizeAddress(a)).filter((a): a is string => Boolean(a))]);
};

const classifyReading = (reading: Reading, deadline: Deadline): InboundClassification => {
  const dsn = [
    ...reading.digest.deliveryStatus.flatMap(parseDeliveryStatus),
    ...(reading.digest.deliveryStatus.length ? [] : inlineDeliveryStatus(reading.notice)),
  ];
  const outcome =
    fromFeedback(reading) ?? fromChallenge(reading) ?? fromDeliveryStatus(reading, dsn) ?? fromText(reading) ?? fromPerson(reading);
  deadline.check();
  const first = outcome.details.find((d) => outcome.recipients.includes(d.address)) ?? outcome.details[0] ?? null;
  const referencedMessageIds = referencedIds(reading, outcome.kind);
  return {
    kind: outcome.kind,
    recipients: outcome.recipients,
    bounceType: outcome.kind === 'bounce' ? (first?.bounceType ?? 'undetermined') : null,
    reason: outcome.reason !== undefined ? outcome.reason : (first?.reason ?? (outcome.kind === 'bounce' ? 'undefined' : null)),
    status: first?.status ?? null,
    diagnostic: first?.diagnostic ?? null,
    originalMessageId: referencedMessageIds[0] ?? null,
    feedbackType: outcome.feedbackType,
    details: outcome.details,
    envelopeRecipients: envelopeOf(reading, outcome.kind),
    referencedMessageIds,
    messageId: reading.messageId,
  };
};

/**
 * What an inbound message is: a bounce (RFC 3464 report or a mail system's own text), an ARF
 * complaint, an auto-reply, a reply, an unsubscribe request, a delivery report, or unknown. Pure:
 * no Strapi, no I/O. Hostile input costs at most `limits` (ClassifyTimeoutError past timeLimitMs).
 */
export const classifyInboundMessage = async (raw: Buffer | string, limits?: Partial<ClassifyLimits>): Promise<InboundClassification> => {
  const resolved = resolveLimits(limits);
  const deadline = new Deadline(resolved.timeLimitMs);
  const source = normalizeInput(raw, resolved.maxBytes);
  deadline.check();
  const reading = read(source, resolved, deadline);
  deadline.check();
  const inner = wrappedNotice(reading.digest, resolved.maxHeaderBytes);
  if (inner === null) return classifyReading(reading, deadline);
  // One level only: what a wrapped notice wraps in turn is the message it returns.
  const notice = classifyReading(read(normalizeInput(Buffer.from(inner, 'latin1'), resolved.maxBytes), resolved, deadline), deadline);
  return {
    ...notice,
    envelopeRecipients: unique([...reading.envelopeRecipients, ...notice.envelopeRecipients]),
    messageId: reading.messageId,
  };
};
