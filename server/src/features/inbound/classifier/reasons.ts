import type { BounceReason, BounceType } from './classification';
import { TEXT_RULES } from './reason-words';

/** Why a delivery failed, from the words of the notice (reason-words.ts) and the RFC 3463 status code. */

/** Reasons whose words say too little to overrule a specific status code. */
const WEAK_TEXT_REASONS: ReadonlySet<BounceReason> = new Set([
  'filtered',
  'rejected',
  'policyviolation',
  'systemerror',
  'networkerror',
  'contenterror',
  'securityerror',
  'syntaxerror',
  'expired',
  'spamdetected',
]);

/** RFC 3463 (and its registry) codes whose meaning is specific enough to name a reason. */
const STATUS_REASONS: Readonly<Record<string, BounceReason>> = {
  '1.1': 'userunknown',
  '1.2': 'hostunknown',
  '1.3': 'userunknown',
  '1.4': 'userunknown',
  '1.6': 'hasmoved',
  '1.7': 'rejected',
  '1.8': 'rejected',
  '1.10': 'notaccept',
  '2.1': 'suspend',
  '2.2': 'mailboxfull',
  '2.3': 'exceedlimit',
  '2.4': 'systemerror',
  '3.1': 'systemfull',
  '3.2': 'systemerror',
  '3.3': 'systemerror',
  '3.4': 'mesgtoobig',
  '3.5': 'systemerror',
  '4.1': 'networkerror',
  '4.2': 'networkerror',
  '4.3': 'networkerror',
  '4.4': 'hostunknown',
  '4.5': 'toomanyconn',
  '4.6': 'networkerror',
  '4.7': 'expired',
  '5.1': 'syntaxerror',
  '5.2': 'syntaxerror',
  '5.3': 'toomanyconn',
  '5.4': 'syntaxerror',
  '5.5': 'syntaxerror',
  '6.0': 'contenterror',
  '6.1': 'contenterror',
  '6.2': 'contenterror',
  '6.3': 'contenterror',
  '6.4': 'contenterror',
  '6.5': 'contenterror',
  '7.0': 'securityerror',
  '7.1': 'rejected',
  '7.2': 'policyviolation',
  '7.3': 'securityerror',
  '7.4': 'securityerror',
  '7.5': 'securityerror',
  '7.6': 'securityerror',
  '7.7': 'securityerror',
  '7.8': 'securityerror',
  '7.9': 'securityerror',
  '7.10': 'securityerror',
  '7.11': 'securityerror',
  '7.12': 'securityerror',
  '7.13': 'suspend',
  '7.14': 'securityerror',
  '7.15': 'securityerror',
  '7.16': 'mesgtoobig',
  '7.17': 'suspend',
  '7.18': 'suspend',
  '7.19': 'securityerror',
  '7.20': 'authfailure',
  '7.21': 'authfailure',
  '7.22': 'authfailure',
  '7.23': 'authfailure',
  '7.24': 'authfailure',
  '7.25': 'requireptr',
  '7.26': 'authfailure',
  '7.27': 'notaccept',
  '7.28': 'speeding',
  '7.29': 'authfailure',
  '7.30': 'securityerror',
};

/** Statuses that only say "refused": the words say why. */
const VAGUE_STATUS = /^\d\.(0\.0|7\.1|7\.0|5\.0|1\.0|2\.0|3\.0|4\.0)$/;

export const reasonFromText = (text: string | null | undefined): BounceReason | null => {
  if (!text) return null;
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  for (const [reason, pattern] of TEXT_RULES) if (pattern.test(sample)) return reason;
  return null;
};

export const reasonFromStatus = (status: string | null | undefined): BounceReason | null => {
  if (!status) return null;
  const match = /^[245]\.(\d{1,3}\.\d{1,3})$/.exec(status);
  return match ? (STATUS_REASONS[match[1]] ?? null) : null;
};

/** What the words and the status say, before asking whether a dead address is only dead for now. */
const readReason = (diagnostic: string | null, status: string | null, context?: string | null): BounceReason => {
  const fromDiagnostic = reasonFromText(diagnostic);
  const fromStatus = reasonFromStatus(status);
  const vague = VAGUE_STATUS.test(status ?? '');
  if (fromDiagnostic && (!WEAK_TEXT_REASONS.has(fromDiagnostic) || !fromStatus || vague)) return fromDiagnostic;
  if (fromStatus && !vague) return fromStatus;
  const fromContext = fromDiagnostic ? null : reasonFromText(context);
  if (fromContext && (!fromStatus || !WEAK_TEXT_REASONS.has(fromContext))) return fromContext;
  return fromDiagnostic ?? fromStatus ?? fromContext ?? (status?.startsWith('4.') ? 'onhold' : 'undefined');
};

/** Words that say a lookup failed for now: "user unknown, try again later" proves no address dead. */
const LOOKUP_FAILED_FOR_NOW =
  /try (again )?later|try again|temporar|unverified|verification (in progress|pending)|lookup (failure|failed|error|timeout)|please retry|greylist/i;

const onlyTransient = (diagnostic: string | null, status: string | null): boolean => {
  const text = diagnostic ?? '';
  const permanent = status?.startsWith('5.') || /(^|[^\d.])5\d\d([ -]|$)/.test(text);
  const transient = status?.startsWith('4.') || /(^|[^\d.])4\d\d([ -]|$)/.test(text);
  return Boolean(transient && !permanent);
};

/**
 * The reason for one failed recipient: the remote server's words when they are specific, else
 * what the status code means, else the weaker reading of the words, else undefined. A mailbox or
 * domain "unknown" only for now (a 4xx answer that says the lookup failed) is not a dead address.
 */
export const decideReason = (diagnostic: string | null, status: string | null, context?: string | null): BounceReason => {
  const reason = readReason(diagnostic, status, context);
  if (
    (reason === 'userunknown' || reason === 'hostunknown') &&
    onlyTransient(diagnostic, status) &&
    LOOKUP_FAILED_FOR_NOW.test(diagnostic ?? '')
  )
    return reason === 'hostunknown' ? 'networkerror' : 'onhold';
  return reason;
};

const ADDRESS_IS_DEAD: ReadonlySet<BounceReason> = new Set(['userunknown', 'hostunknown', 'hasmoved']);
const WITHOUT_JUDGEMENT: ReadonlySet<BounceReason> = new Set(['onhold', 'undefined']);

/** Hard only when the address itself is dead (corpus README, "Mapping to the project's reasons"). */
export const bounceTypeOf = (reason: BounceReason, status: string | null, smtpCode: string | null): BounceType => {
  const permanent = status?.startsWith('5.') || smtpCode?.startsWith('5');
  const transient = status?.startsWith('4.') || smtpCode?.startsWith('4');
  if (ADDRESS_IS_DEAD.has(reason)) return 'hard';
  if (reason === 'notaccept') return transient && !permanent ? 'soft' : 'hard';
  if (WITHOUT_JUDGEMENT.has(reason)) return permanent ? 'hard' : transient ? 'soft' : 'undetermined';
  return 'soft';
};
