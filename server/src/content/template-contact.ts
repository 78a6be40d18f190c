import type { TemplateContact } from './render';

/** The contact attributes a template reads besides the address: what to select to build one. */
export const TEMPLATE_CONTACT_FIELDS = ['firstName', 'lastName', 'locale', 'timezone', 'attributes'] as const;

type ContactFields = { [K in (typeof TEMPLATE_CONTACT_FIELDS)[number]]?: unknown };

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** JSON columns come back parsed (MySQL, Strapi's query engine) or as text (knex on SQLite and PostgreSQL). */
const attributesOf = (value: unknown): Record<string, unknown> => {
  if (typeof value === 'string' && value) {
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

/**
 * A contact as templates see it (`{{ contact.firstName }}`), the same for a sent message, its web
 * view, a preview and a test send. `email` is the address the message goes to: a delivery's,
 * which stays what it was when sent even if the contact's changed since.
 */
export const templateContactOf = (email: string, fields: ContactFields): TemplateContact => ({
  email,
  firstName: text(fields.firstName),
  lastName: text(fields.lastName),
  locale: text(fields.locale),
  timezone: text(fields.timezone),
  attributes: attributesOf(fields.attributes),
});
