import { errors } from '@strapi/utils';
import type { z } from 'zod';
import type { FieldErrorDetail, TemplateLineProblem } from '../../../shared/contracts/template-problems';

/**
 * One Strapi ValidationError for a failed zod parse: the message names every bad field so the
 * API answers 400 with what to fix, and `details.errors` keeps the yup-like shape the admin reads.
 */
export const toValidationError = (error: z.ZodError, subject: string, label: (path: string[]) => string = (path) => path.join('.')) => {
  const problems = error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    const message = issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message;
    return keys.map((path) => ({ path: path.map(String), message, name: 'ValidationError' }));
  });
  // A problem of the whole input (no path) is said once: "Invalid import options: nested deeper...".
  const summary = problems.map((p) => (p.path.length ? `${label(p.path)}: ${p.message}` : p.message)).join('; ');
  return new errors.ValidationError(`Invalid ${subject}: ${summary}`, { errors: problems });
};

/** `label`: how a field's path is named in the message (dotted unless told, `bracketPath` for inputs with lists an editor fills). */
export const parseOrThrow = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  subject: string,
  label?: (path: string[]) => string
): z.output<S> => {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw toValidationError(result.error, subject, label);
  return result.data;
};

/** A path as an editor reads it, list positions in brackets: `variants[2].content`. */
export const bracketPath = (path: readonly string[]) =>
  path.reduce((label, key) => (/^\d+$/.test(key) ? `${label}[${key}]` : label ? `${label}.${key}` : key), '');

/**
 * A 400 about one field, in the same shape as a failed parse: "Invalid contact: email: already exists".
 * A field inside a list is given as its path (`['variants', '2', 'content']`) and named as bracketPath says.
 * `lines`: where in the field's source (a template) it is wrong, for an editor to mark.
 */
export const fieldError = (subject: string, field: string | readonly string[], message: string, lines: TemplateLineProblem[] = []) => {
  const path = typeof field === 'string' ? [field] : [...field];
  const detail: FieldErrorDetail = { path, message, name: 'ValidationError', ...(lines.length ? { lines } : {}) };
  return new errors.ValidationError(`Invalid ${subject}: ${bracketPath(path)}: ${message}`, { errors: [detail] });
};
