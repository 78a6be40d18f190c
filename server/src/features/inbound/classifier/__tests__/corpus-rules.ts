import type { BounceReason, InboundClassification } from '../classification';

/**
 * The bounce corpus's README ("Fields in expected.json", "Mapping to the project's reasons"),
 * as code: which of our answers agree with an entry, which disagreements are only warnings.
 */

export interface CorpusEntry {
  file: string;
  isBounce?: boolean;
  recipients?: string[];
  finalRecipients?: string[];
  stdReason?: string;
  status?: string;
  smtpCode?: string;
  reason?: string;
  reportCount?: number;
  origMessageId?: string;
  unsure?: string[];
}

type Judge = 'hard' | 'soft' | 'by-status';
const HARD_IF: Record<string, BounceReason[]> = {
  user_unknown: ['userunknown', 'hasmoved'],
  user_disabled: ['userunknown'],
  domain_error: ['hostunknown', 'notaccept'],
};

export const ACCEPTABLE: Record<string, BounceReason[]> = {
  user_unknown: ['userunknown', 'suspend', 'hasmoved', 'filtered', 'rejected'],
  user_disabled: ['suspend', 'userunknown'],
  over_quota: ['mailboxfull', 'systemfull', 'exceedlimit'],
  domain_error: ['hostunknown', 'norelaying', 'networkerror', 'notaccept'],
  spam: [
    'spamdetected',
    'blocked',
    'badreputation',
    'policyviolation',
    'filtered',
    'rejected',
    'contenterror',
    'securityerror',
    'authfailure',
    'requireptr',
  ],
  message_too_large: ['mesgtoobig', 'exceedlimit'],
  no_problemo: ['delivered'],
};

const expectedBounceType = (
  stdReason: string,
  reason: BounceReason | null,
  status: string | null
): Judge | 'hard' | 'soft' | 'undetermined' => {
  if (stdReason === 'unknown') return status?.startsWith('5.') ? 'hard' : status?.startsWith('4.') ? 'soft' : 'undetermined';
  if (reason === 'notaccept') return status?.startsWith('4.') ? 'soft' : 'hard';
  return reason && HARD_IF[stdReason]?.includes(reason) ? 'hard' : 'soft';
};

const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a.map((x) => x.toLowerCase()));
  const right = new Set(b.map((x) => x.toLowerCase()));
  return left.size === right.size && [...left].every((x) => right.has(x));
};

export interface Verdict {
  failures: string[];
  warnings: string[];
  /** Per scored measure: true agreed, false disagreed; absent when the entry says nothing of it. */
  scores: Partial<Record<'recipients' | 'bounce' | 'hardSoft' | 'reason', boolean>>;
}

export const judgeCorpusEntry = (entry: CorpusEntry, result: InboundClassification): Verdict => {
  const verdict: Verdict = { failures: [], warnings: [], scores: {} };
  const unsure = new Set(entry.unsure ?? []);
  const note = (field: string, ok: boolean, message: string) => {
    if (ok) return;
    (unsure.has(field) ? verdict.warnings : verdict.failures).push(`${field}: ${message}`);
  };
  if (entry.isBounce !== undefined) {
    const ok = (result.kind === 'bounce') === entry.isBounce;
    note('isBounce', ok, `expected isBounce ${entry.isBounce}, got kind ${result.kind}`);
    if (!unsure.has('isBounce')) verdict.scores.bounce = ok;
    if (!entry.isBounce && !unsure.has('isBounce') && /auto-repl|vacation/i.test(JSON.stringify(entry))) {
      const reasonOk = result.kind === 'auto-reply' ? result.reason === 'vacation' : true;
      verdict.scores.reason = reasonOk;
    }
  }
  if (entry.recipients) {
    const ok =
      sameSet(result.recipients, entry.recipients) || Boolean(entry.finalRecipients && sameSet(result.recipients, entry.finalRecipients));
    note('recipients', ok, `expected ${JSON.stringify(entry.recipients)}, got ${JSON.stringify(result.recipients)}`);
    if (!unsure.has('recipients')) verdict.scores.recipients = ok;
  }
  if (entry.stdReason && entry.isBounce !== false) {
    const acceptable = ACCEPTABLE[entry.stdReason];
    const ok = acceptable ? result.reason !== null && acceptable.includes(result.reason) : true;
    note('stdReason', ok, `${entry.stdReason} accepts ${acceptable ? acceptable.join('/') : 'any reason'}, got ${result.reason}`);
    if (!unsure.has('stdReason')) verdict.scores.reason = ok;
    const bounceType = expectedBounceType(entry.stdReason, result.reason, result.status);
    const typeOk = result.bounceType === bounceType;
    note('stdReason', typeOk, `expected a ${bounceType} bounce for ${result.reason}, got ${result.bounceType}`);
    if (!unsure.has('stdReason')) verdict.scores.hardSoft = typeOk;
  }
  if (entry.status) note('status', result.status === entry.status, `expected ${entry.status}, got ${result.status}`);
  if (entry.smtpCode)
    note(
      'smtpCode',
      new RegExp(`(^|\\D)${entry.smtpCode}(\\D|$)`).test(result.diagnostic ?? ''),
      `expected ${entry.smtpCode} in the diagnostic ${JSON.stringify(result.diagnostic)}`
    );
  if (entry.reason)
    note(
      'reason',
      squeeze(result.diagnostic) === squeeze(entry.reason),
      `expected diagnostic ${JSON.stringify(entry.reason)}, got ${JSON.stringify(result.diagnostic)}`
    );
  if (entry.reportCount !== undefined)
    note('reportCount', result.details.length === entry.reportCount, `expected ${entry.reportCount} reports, got ${result.details.length}`);
  if (entry.origMessageId)
    note(
      'origMessageId',
      result.originalMessageId === entry.origMessageId,
      `expected ${entry.origMessageId}, got ${result.originalMessageId}`
    );
  return verdict;
};
