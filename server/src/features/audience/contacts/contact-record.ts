/** The columns of a contacts export, in order. */
export const EXPORT_COLUMNS = [
  'email',
  'firstName',
  'lastName',
  'state',
  'timezone',
  'locale',
  'topics',
  'attributes',
  'createdAt',
] as const;

/** A contact row as the export query selects it, with the slugs of its topics. */
export interface ExportedContact {
  id: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  state: string;
  timezone: string | null;
  locale: string | null;
  /** JSON, as the driver returns it: parsed (MySQL) or text (PostgreSQL through Strapi, SQLite). */
  attributes: unknown;
  /** A Date (PostgreSQL, MySQL) or epoch milliseconds (SQLite). */
  createdAt: Date | number | string;
}

const attributesText = (value: unknown) => {
  if (value === null || value === undefined || value === '') return '';
  return typeof value === 'string' ? JSON.stringify(JSON.parse(value)) : JSON.stringify(value);
};

/** One CSV record; topics are slugs separated by "|", attributes a JSON object. */
export const toCsvRecord = (contact: ExportedContact, topics: readonly string[]): string[] => [
  contact.email,
  contact.firstName ?? '',
  contact.lastName ?? '',
  contact.state,
  contact.timezone ?? '',
  contact.locale ?? '',
  topics.join('|'),
  attributesText(contact.attributes),
  new Date(
    typeof contact.createdAt === 'string' && /^\d+$/.test(contact.createdAt) ? Number(contact.createdAt) : contact.createdAt
  ).toISOString(),
];
