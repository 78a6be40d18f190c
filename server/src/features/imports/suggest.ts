import type { ImportTarget } from '../../../../shared/contracts/imports';
import { ATTRIBUTE_NAME } from '../../../../shared/contracts/contacts';
import type { FieldTarget } from './options';

/** Header spellings of each field, compared lower-cased without accents, spaces or punctuation. */
const SYNONYMS: Record<FieldTarget, readonly string[]> = {
  email: ['email', 'emailaddress', 'mail', 'mailaddress', 'courriel', 'correo', 'correoelectronico'],
  firstName: ['firstname', 'first', 'givenname', 'forename', 'prenom', 'vorname', 'nombre'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'nachname', 'apellido', 'apellidos'],
  timezone: ['timezone', 'tz', 'zone'],
  locale: ['locale', 'language', 'lang', 'langue', 'sprache', 'idioma'],
};

const squash = (header: string) =>
  header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** "Company name" -> "company_name": the attribute a column that is no known field would become. */
const attributeName = (header: string) => {
  const name = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
    .slice(0, 64);
  const safe = /^[0-9]/.test(name) ? `_${name}`.slice(0, 64) : name;
  return ATTRIBUTE_NAME.test(safe) ? safe : undefined;
};

/**
 * A first mapping for the admin to confirm: known spellings become contact fields (the first column
 * wins each field), other named columns become attributes, the rest is ignored.
 */
export const suggestMapping = (columns: readonly string[]): Record<string, ImportTarget> => {
  const taken = new Set<string>();
  const mapping: Record<string, ImportTarget> = {};
  for (const column of columns) {
    if (column in mapping) continue;
    const squashed = squash(column);
    const field = (Object.keys(SYNONYMS) as FieldTarget[]).find((f) => !taken.has(f) && SYNONYMS[f].includes(squashed));
    const attribute = field ? undefined : attributeName(column);
    const target: ImportTarget = field ?? (attribute && !taken.has(`attribute:${attribute}`) ? `attribute:${attribute}` : 'ignore');
    if (target !== 'ignore') taken.add(field ?? target);
    mapping[column] = target;
  }
  return mapping;
};
