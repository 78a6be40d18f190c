import { ENTRIES_ATTRIBUTES, ENTRIES_TAG, type EntriesBlockAttributes } from '../../../../shared/contracts/content-blocks';

/** A value inside a double-quoted XML attribute. */
const doubleQuoted = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A value inside a single-quoted attribute: the filter's JSON keeps its double quotes readable. */
const singleQuoted = (value: string) => value.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<mj-strapi-entries />` element for a block; empty attributes are left out (the server's defaults apply). */
export const entriesElement = (attributes: EntriesBlockAttributes): string => {
  const written = ENTRIES_ATTRIBUTES.flatMap((name) => {
    const value = attributes[name]?.trim();
    if (!value) return [];
    return [name === 'filter' ? `${name}='${singleQuoted(value)}'` : `${name}="${doubleQuoted(value)}"`];
  });
  return `<${ENTRIES_TAG} ${written.join(' ')} />`;
};

export const SIMPLE_FILTER_OPERATORS = ['eq', 'contains'] as const;
export type SimpleFilterOperator = (typeof SIMPLE_FILTER_OPERATORS)[number];

/** One condition on one field as Strapi's filters JSON, or undefined when no field or value is given. */
export const simpleFilter = (field: string, operator: SimpleFilterOperator, value: string): string | undefined => {
  if (!field || value.trim() === '') return undefined;
  // `containsi`: an editor typing "news" means News too.
  const op = operator === 'eq' ? '$eq' : '$containsi';
  return JSON.stringify({ [field]: { [op]: value.trim() } });
};
