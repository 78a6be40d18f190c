import { unescapeFormula } from '../../csv/safe-csv';
import { ATTRIBUTE_BOUNDS, MAX_NAME_LENGTH } from '../../validation/contact-input';
import { hashEmail, normalizeEmail } from '../../validation/email';
import { isLocale } from '../../validation/fields';
import { describeJsonBoundsProblem, findJsonBoundsProblem } from '../../validation/json-bounds';
import { isTimeZone } from '../../validation/timezone';
import type { ColumnPlan } from './options';

/** The contact fields one row of a file carries; null where its cell is empty. */
export interface ImportedContact {
  email: string;
  emailHash: string;
  firstName: string | null;
  lastName: string | null;
  timezone: string | null;
  locale: string | null;
  attributes: Record<string, string> | null;
}

export type RowCheck = { ok: true; contact: ImportedContact } | { ok: false; reason: string };

/**
 * Time zone and locale checks build Intl objects, which is most of a row's cost; files repeat a
 * handful of values, so answers are remembered (up to a bound, as a file could hold many made-up ones).
 */
const remembered = (check: (value: string) => boolean, limit = 2000) => {
  const answers = new Map<string, boolean>();
  return (value: string) => {
    let answer = answers.get(value);
    if (answer === undefined) {
      answer = check(value);
      if (answers.size < limit) answers.set(value, answer);
    }
    return answer;
  };
};

const knownTimeZone = remembered(isTimeZone);
const knownLocale = remembered(isLocale);

/** A trimmed cell, null when empty; the quote a CSV export puts before a formula character is dropped. */
const cell = (fields: readonly string[], index: number | undefined) => {
  if (index === undefined) return null;
  const value = unescapeFormula((fields[index] ?? '').trim());
  return value === '' ? null : value;
};

/**
 * Normalises and checks one data row with the rules the contacts API applies, or says why it is
 * rejected (naming the field, as the API would).
 */
export const checkRow = (fields: readonly string[], plan: ColumnPlan, headerLength: number): RowCheck => {
  if (fields.length !== headerLength) {
    return { ok: false, reason: `the row has ${fields.length} values, the header has ${headerLength} columns` };
  }
  const email = normalizeEmail(cell(fields, plan.email) ?? '');
  if (!email.ok) return { ok: false, reason: `email: ${email.reason}` };

  const firstName = cell(fields, plan.fields.firstName);
  const lastName = cell(fields, plan.fields.lastName);
  for (const [field, value] of [
    ['firstName', firstName],
    ['lastName', lastName],
  ] as const) {
    if (value !== null && value.length > MAX_NAME_LENGTH) return { ok: false, reason: `${field}: at most ${MAX_NAME_LENGTH} characters` };
  }
  const timezone = cell(fields, plan.fields.timezone);
  if (timezone !== null && !knownTimeZone(timezone)) {
    return { ok: false, reason: `timezone: unknown time zone "${timezone}" (use an IANA name such as Europe/Paris or UTC)` };
  }
  const locale = cell(fields, plan.fields.locale);
  if (locale !== null && !knownLocale(locale))
    return { ok: false, reason: `locale: "${locale}" is not a BCP 47 locale such as en or fr-CA` };

  let attributes: Record<string, string> | null = null;
  for (const [name, index] of plan.attributes) {
    const value = cell(fields, index);
    if (value !== null) (attributes ??= {})[name] = value;
  }
  // Cells are text, so the depth is always 2: what a file can break is the number and length of them.
  const problem = attributes && findJsonBoundsProblem(attributes, ATTRIBUTE_BOUNDS);
  if (problem) return { ok: false, reason: `attributes: ${describeJsonBoundsProblem(problem)}` };
  return {
    ok: true,
    contact: { email: email.email, emailHash: hashEmail(email.email), firstName, lastName, timezone, locale, attributes },
  };
};
