import { z } from 'zod';
import type { ImportDelimiter, ImportTarget } from '../../../../shared/contracts/imports';
import { ATTRIBUTE_NAME } from '../../../../shared/contracts/contacts';
import { fieldError } from '../../validation/errors';
import { documentIdField } from '../../validation/fields';
import { boundedJson } from '../../validation/json-bounds';
import { DELIMITERS } from './delimiter';

export const FIELD_TARGETS = ['email', 'firstName', 'lastName', 'timezone', 'locale'] as const;
export type FieldTarget = (typeof FIELD_TARGETS)[number];

const ATTRIBUTE_PREFIX = 'attribute:';

export const isImportTarget = (value: unknown): value is ImportTarget =>
  typeof value === 'string' &&
  (value === 'ignore' ||
    (FIELD_TARGETS as readonly string[]).includes(value) ||
    (value.startsWith(ATTRIBUTE_PREFIX) && ATTRIBUTE_NAME.test(value.slice(ATTRIBUTE_PREFIX.length))));

const target = z.custom<ImportTarget>(isImportTarget, {
  message: `must be one of ${FIELD_TARGETS.join(', ')}, ignore or attribute:<name> (letters, digits and "_")`,
});

const importOptionsShape = z.strictObject({
  delimiter: z.enum(DELIMITERS as [ImportDelimiter, ...ImportDelimiter[]]).optional(),
  mapping: z.record(z.string(), target),
  topics: z.array(documentIdField).max(100).default([]),
  updateExisting: z.boolean().default(false),
  consent: z.strictObject({
    source: z.string().trim().min(1, 'must not be empty').max(255),
    text: z.string().max(4000).nullable().default(null),
  }),
});

/**
 * Options arrive as JSON text in a multipart field, past Koa's JSON limits: bounded before they
 * are read (three levels is what they hold; texts as long as the consent text).
 */
export const importOptionsSchema = boundedJson({ maxDepth: 4, maxEntries: 10_000, maxStringLength: 4000, maxLength: 1024 * 1024 }).pipe(
  importOptionsShape
);

export type ParsedImportOptions = z.output<typeof importOptionsSchema>;

/** Which column (by index) feeds which field of a contact. */
export interface ColumnPlan {
  email: number;
  fields: Partial<Record<Exclude<FieldTarget, 'email'>, number>>;
  attributes: Array<[name: string, index: number]>;
}

const invalid = (message: string) => fieldError('import options', 'mapping', message);

/**
 * Checks a mapping against the file's header and turns it into column indexes: every mapped column
 * must be in the header, exactly one maps to email, and no field or attribute is fed twice.
 */
export const planColumns = (header: readonly string[], mapping: Record<string, ImportTarget>): ColumnPlan => {
  const missing = Object.keys(mapping).filter((column) => !header.includes(column));
  if (missing.length) {
    throw invalid(
      `column ${missing.map((c) => `"${c}"`).join(', ')} is not in the file (its columns: ${header.map((c) => `"${c}"`).join(', ')})`
    );
  }
  const plan: ColumnPlan = { email: -1, fields: {}, attributes: [] };
  const used = new Map<string, string>();
  for (const [column, to] of Object.entries(mapping)) {
    if (to === 'ignore') continue;
    const clash = used.get(to);
    if (clash !== undefined) throw invalid(`columns "${clash}" and "${column}" both map to ${to}`);
    used.set(to, column);
    const index = header.indexOf(column);
    if (header.indexOf(column, index + 1) !== -1) throw invalid(`column "${column}" appears twice in the header: rename one`);
    if (to === 'email') plan.email = index;
    else if (to.startsWith(ATTRIBUTE_PREFIX)) plan.attributes.push([to.slice(ATTRIBUTE_PREFIX.length), index]);
    else plan.fields[to as Exclude<FieldTarget, 'email'>] = index;
  }
  if (plan.email === -1) throw invalid('no column maps to email');
  return plan;
};
