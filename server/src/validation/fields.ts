import { z } from 'zod';
import { normalizeEmail } from './email';
import { hasLineBreak } from './header-text';
import { isTimeZone } from './timezone';

/** An email address, normalised on the way in (see normalizeEmail). */
export const emailField = z.string().transform((value, ctx) => {
  const result = normalizeEmail(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: `invalid email: ${result.reason}` });
    return z.NEVER;
  }
  return result.email;
});

/** Text that goes into a mail header. */
export const headerText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((v) => !hasLineBreak(v), 'must not contain line breaks (CR or LF)');

export const timeZoneField = z.string().check((ctx) => {
  if (!isTimeZone(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `unknown time zone "${ctx.value}" (use an IANA name such as Europe/Paris or UTC)`,
    });
  }
});

export const isLocale = (value: string) => {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
};

export const localeField = z.string().check((ctx) => {
  if (!isLocale(ctx.value)) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `"${ctx.value}" is not a BCP 47 locale such as en or fr-CA` });
  }
});

export const documentIdField = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'a documentId');

/** A template as requests name it: `starter:<key>` or a saved template's documentId (shared/contracts/templates.ts). */
export const templateRefField = z
  .string()
  .regex(/^(starter:[a-z]+(-[a-z]+)*|[A-Za-z0-9]{1,64})$/, 'a template: "starter:<name>" or a saved template\'s documentId');

export const isoDateTime = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time such as 2026-12-01T09:00:00Z' });
