import type { ImportTarget } from '../../../../shared/contracts/imports';
import { ATTRIBUTE_NAME } from '../../../../shared/contracts/contacts';

/** What the wizard offers for a column; `attribute` comes with a name typed beside it. */
export type ColumnChoice = 'email' | 'firstName' | 'lastName' | 'locale' | 'timezone' | 'attribute' | 'ignore';

export const CHOICES: Array<{ value: ColumnChoice; label: string }> = [
  { value: 'email', label: 'Email' },
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'locale', label: 'Locale' },
  { value: 'timezone', label: 'Time zone' },
  { value: 'attribute', label: 'Attribute' },
  { value: 'ignore', label: 'Ignore' },
];

export interface ColumnMapping {
  choice: ColumnChoice;
  /** The attribute's name when `choice` is `attribute`. */
  attribute: string;
}

const ATTRIBUTE_PREFIX = 'attribute:';

/** The server's suggestion (`attribute:plan`, `email`...) as the wizard edits it. */
export const fromTarget = (target: ImportTarget | undefined): ColumnMapping =>
  target?.startsWith(ATTRIBUTE_PREFIX)
    ? { choice: 'attribute', attribute: target.slice(ATTRIBUTE_PREFIX.length) }
    : { choice: (target as ColumnChoice | undefined) ?? 'ignore', attribute: '' };

export const toTarget = ({ choice, attribute }: ColumnMapping): ImportTarget =>
  choice === 'attribute' ? `attribute:${attribute.trim()}` : choice;

const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ');

/**
 * What stops this mapping from being sent, in words for the admin: the server refuses the same
 * things (exactly one email column, valid attribute names, no field fed by two columns).
 */
export const mappingProblems = (mapping: Record<string, ColumnMapping>): string[] => {
  const problems: string[] = [];
  const byTarget = new Map<string, string[]>();
  for (const [column, m] of Object.entries(mapping)) {
    if (m.choice === 'ignore') continue;
    if (m.choice === 'attribute' && !ATTRIBUTE_NAME.test(m.attribute.trim())) {
      problems.push(`Column "${column}": an attribute name is letters, digits and "_", not starting with a digit (up to 64)`);
      continue;
    }
    const target = toTarget(m);
    byTarget.set(target, [...(byTarget.get(target) ?? []), column]);
  }
  const emails = byTarget.get('email') ?? [];
  if (emails.length === 0) problems.push('Map one column to Email');
  for (const [target, columns] of byTarget) {
    if (columns.length > 1) {
      const label = target === 'email' ? 'Email' : target.startsWith(ATTRIBUTE_PREFIX) ? `attribute "${target.slice(ATTRIBUTE_PREFIX.length)}"` : CHOICES.find((c) => c.value === target)?.label;
      problems.push(`Columns ${quoted(columns)} all map to ${label}: keep one`);
    }
  }
  return problems;
};
