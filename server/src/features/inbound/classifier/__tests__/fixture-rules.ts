import type { InboundClassification, InboundKind } from '../classification';
import type { Verdict } from './corpus-rules';

/** tests/fixtures/inbound*: one entry per message (tests/fixtures/inbound-heldout/README.md, "expected.json"). */
export interface FixtureEntry {
  file: string;
  kind: InboundKind;
  recipients: string[];
  bounceType: 'hard' | 'soft' | null;
  reason: string | null;
  acceptableReasons?: string[];
  acceptableKinds?: InboundKind[];
  acceptableRecipients?: string[][];
  status?: string;
  feedbackType?: string;
  originalMessageId?: string;
}

const DEAD_ADDRESS = new Set(['userunknown', 'hostunknown', 'hasmoved']);

/** A fair second-choice reason brings its own hard/soft. */
const bounceTypeFor = (reason: string | null, status: string | null) => {
  if (reason === 'notaccept') return status?.startsWith('4.') ? 'soft' : 'hard';
  return reason && DEAD_ADDRESS.has(reason) ? 'hard' : 'soft';
};

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a.map((x) => x.toLowerCase()));
  const right = new Set(b.map((x) => x.toLowerCase()));
  return left.size === right.size && [...left].every((x) => right.has(x));
};

export const judgeFixture = (entry: FixtureEntry, result: InboundClassification): Verdict => {
  const verdict: Verdict = { failures: [], warnings: [], scores: {} };
  const check = (field: string, ok: boolean, expected: unknown, got: unknown) => {
    if (!ok) verdict.failures.push(`${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
    return ok;
  };
  check('kind', [entry.kind, ...(entry.acceptableKinds ?? [])].includes(result.kind), entry.kind, result.kind);
  verdict.scores.bounce = check(
    'isBounce',
    (result.kind === 'bounce') === (entry.kind === 'bounce'),
    entry.kind === 'bounce',
    result.kind === 'bounce'
  );
  if (['bounce', 'complaint', 'delivered'].includes(entry.kind)) {
    const fair = [entry.recipients, ...(entry.acceptableRecipients ?? [])];
    verdict.scores.recipients = check(
      'recipients',
      fair.some((list) => sameSet(list, result.recipients)),
      entry.recipients,
      result.recipients
    );
  }
  if (entry.kind === 'bounce') {
    const reasons = [entry.reason, ...(entry.acceptableReasons ?? [])];
    verdict.scores.reason = check('reason', reasons.includes(result.reason), reasons, result.reason);
    const type = reasons.includes(result.reason) ? bounceTypeFor(result.reason, result.status) : entry.bounceType;
    verdict.scores.hardSoft = check('bounceType', result.bounceType === type, type, result.bounceType);
  } else if (entry.reason && result.kind === entry.kind)
    // A fair second-choice kind (a challenge read as unknown) brings its own reason, as a fair reason brings its hard/soft.
    check('reason', result.reason === entry.reason, entry.reason, result.reason);
  if (entry.status) check('status', result.status === entry.status, entry.status, result.status);
  if (entry.feedbackType) check('feedbackType', result.feedbackType === entry.feedbackType, entry.feedbackType, result.feedbackType);
  if (entry.originalMessageId)
    check('originalMessageId', result.originalMessageId === entry.originalMessageId, entry.originalMessageId, result.originalMessageId);
  return verdict;
};
