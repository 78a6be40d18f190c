import { z } from 'zod';
import { unescapeFormula } from '../../../csv/safe-csv';
import { hashEmail, normalizeEmail } from '../../../validation/email';
import { documentIdField, emailField, isoDateTime } from '../../../validation/fields';
import { listQuery } from '../../../validation/list-query';

import {
  SUPPRESSION_REASONS,
  SUPPRESSION_SCOPES,
  type SuppressionEntryProblem,
  type SuppressionReason,
  type SuppressionScope,
} from '../../../../../shared/contracts/suppressions';

export { SUPPRESSION_REASONS, SUPPRESSION_SCOPES, type SuppressionReason, type SuppressionScope };

/** Addresses one paste may hold: more is a file, and the CSV import takes files. */
export const MAX_PASTED_ADDRESSES = 10_000;
/** Problems a report lists one by one; past that it counts them. */
export const MAX_LISTED_PROBLEMS = 200;

/** What every add says besides the addresses: why, where (everywhere or one topic), until when. */
const targetShape = (defaultReason: SuppressionReason) => ({
  reason: z.enum(SUPPRESSION_REASONS).default(defaultReason),
  scope: z.enum(SUPPRESSION_SCOPES).default('global'),
  topic: documentIdField.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  expiresAt: isoDateTime.nullable().optional(),
});

type TargetFields = { scope: SuppressionScope; topic?: string | null };

/** A topic-scoped suppression names its topic; a global one names none. */
const scopeNamesTopic = (value: TargetFields, ctx: z.RefinementCtx) => {
  if (value.scope === 'topic' && !value.topic)
    ctx.addIssue({ code: 'custom', path: ['topic'], message: 'a topic-scoped suppression names its topic' });
  if (value.scope === 'global' && value.topic)
    ctx.addIssue({ code: 'custom', path: ['topic'], message: 'a global suppression names no topic (set scope to "topic")' });
};

export const addOneInput = z.strictObject({ email: emailField, ...targetShape('manual') }).superRefine(scopeNamesTopic);
export const addManyInput = z
  .strictObject({ addresses: z.string().max(2 * 1024 * 1024), ...targetShape('manual') })
  .superRefine(scopeNamesTopic);
export const importInput = z.strictObject(targetShape('import')).superRefine(scopeNamesTopic);
export const removeInput = z.strictObject({
  note: z.string({ error: 'say why the suppression is removed' }).trim().min(1, 'say why the suppression is removed').max(2000),
});

export type SuppressionTarget = z.output<typeof importInput>;

export const suppressionListQuery = listQuery(['createdAt:desc', 'createdAt:asc'] as const).extend({
  reason: z.enum(SUPPRESSION_REASONS).optional(),
  scope: z.enum(SUPPRESSION_SCOPES).optional(),
  topic: documentIdField.optional(),
  status: z.enum(['active', 'expired']).optional(),
});
export type SuppressionListQuery = z.output<typeof suppressionListQuery>;
export const suppressionExportQuery = suppressionListQuery.omit({ page: true, pageSize: true });
export const removalListQuery = listQuery(['removedAt:desc', 'removedAt:asc'] as const);

/** One address of a paste or a file, where it came from (a line of the paste, a line of the file). */
export interface Entry {
  line: number;
  value: string;
}

export type EntryProblem = SuppressionEntryProblem;

export interface CheckedAddress {
  email: string;
  emailHash: string;
}

/** What a batch of addresses came to before anything is written: the first of each address wins. */
export interface CheckedEntries {
  addresses: CheckedAddress[];
  duplicates: number;
  invalid: EntryProblem[];
  invalidCount: number;
}

/** A paste: one address a line, or several separated by commas or semicolons; blank entries are skipped. */
export const splitPaste = (text: string): Entry[] =>
  text.split(/\r\n|\r|\n/).flatMap((line, index) =>
    line
      .split(/[,;]/)
      .map((value) => value.trim())
      .filter((value) => value !== '')
      .map((value) => ({ line: index + 1, value }))
  );

/**
 * Normalises each entry as the contacts API does, keeps the first of each address (by the hash
 * suppressions match on) and names every address that is not one, with its line.
 */
export const checkEntries = (entries: Iterable<Entry>, into: CheckedEntries = emptyCheck()): CheckedEntries => {
  const seen = new Set(into.addresses.map((a) => a.emailHash));
  for (const entry of entries) {
    const checked = normalizeEmail(unescapeFormula(entry.value));
    if (!checked.ok) {
      into.invalidCount += 1;
      if (into.invalid.length < MAX_LISTED_PROBLEMS)
        into.invalid.push({ line: entry.line, entry: entry.value.slice(0, 320), reason: checked.reason });
      continue;
    }
    const emailHash = hashEmail(checked.email);
    if (seen.has(emailHash)) {
      into.duplicates += 1;
      continue;
    }
    seen.add(emailHash);
    into.addresses.push({ email: checked.email, emailHash });
  }
  return into;
};

export const emptyCheck = (): CheckedEntries => ({ addresses: [], duplicates: 0, invalid: [], invalidCount: 0 });
