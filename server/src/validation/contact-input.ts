import { z } from 'zod';
import { ATTRIBUTE_NAME } from '../../../shared/contracts/contacts';
import { documentIdField, emailField, localeField, timeZoneField } from './fields';
import { boundedJson, type JsonBounds } from './json-bounds';

export const MAX_ATTRIBUTES_BYTES = 16 * 1024;
export const MAX_NAME_LENGTH = 200;

/**
 * A contact's attributes, the object itself being the first level. 32 levels is MariaDB's limit
 * for a JSON column (MySQL's is 100, SQLite's 1,000), so every stored document is one each
 * database's JSON functions read.
 */
export const ATTRIBUTE_BOUNDS: JsonBounds = {
  maxDepth: 32,
  maxEntries: 5000,
  maxStringLength: MAX_ATTRIBUTES_BYTES,
  maxLength: MAX_ATTRIBUTES_BYTES,
};

const attributes = boundedJson(ATTRIBUTE_BOUNDS).pipe(
  z.record(z.string().regex(ATTRIBUTE_NAME, 'attribute names are letters, digits and "_"'), z.json())
);

export const consentInput = z.strictObject({
  source: z.string().trim().min(1).max(255),
  ip: z.union([z.ipv4(), z.ipv6()]).nullable().optional(),
  text: z.string().max(4000).nullable().optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});

export const contactShape = z.strictObject({
  email: emailField,
  firstName: z.string().trim().max(MAX_NAME_LENGTH).nullable(),
  lastName: z.string().trim().max(MAX_NAME_LENGTH).nullable(),
  attributes: attributes.nullable(),
  timezone: timeZoneField.nullable(),
  locale: localeField.nullable(),
  source: z.string().trim().max(255).nullable(),
  topics: z.array(documentIdField).max(1000),
  consent: consentInput,
});

/** `state` is not here on purpose: it changes only through contacts.setState and the event pipeline. */
export const contactCreateInput = contactShape.partial().required({ email: true });
export const contactUpdateInput = contactShape.omit({ consent: true }).partial();

export type ContactCreateInput = z.output<typeof contactCreateInput>;
export type ContactUpdateInput = z.output<typeof contactUpdateInput>;
export type ConsentInput = z.output<typeof consentInput>;
