import type { ImportTarget } from '../../../../shared/contracts/imports';
import { ATTRIBUTE_NAME } from '../../../../shared/contracts/contacts';
import { pluginMessage, type PluginMessage } from '../../hooks/use-plugin-messages';

/** What the wizard offers for a column; `attribute` comes with a name typed beside it. */
export type ColumnChoice = 'email' | 'firstName' | 'lastName' | 'locale' | 'timezone' | 'attribute' | 'ignore';

export const CHOICES: Array<{ value: ColumnChoice; label: PluginMessage }> = [
  { value: 'email', label: pluginMessage('imports.mapping.choice.email', 'Email') },
  { value: 'firstName', label: pluginMessage('imports.mapping.choice.firstName', 'First name') },
  { value: 'lastName', label: pluginMessage('imports.mapping.choice.lastName', 'Last name') },
  { value: 'locale', label: pluginMessage('imports.mapping.choice.locale', 'Locale') },
  { value: 'timezone', label: pluginMessage('imports.mapping.choice.timezone', 'Time zone') },
  { value: 'attribute', label: pluginMessage('imports.mapping.choice.attribute', 'Attribute') },
  { value: 'ignore', label: pluginMessage('imports.mapping.choice.ignore', 'Ignore') },
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

/** What stops a mapping from being sent; MappingProblems puts each in words. */
export type MappingProblem =
  | { kind: 'badAttribute'; column: string }
  | { kind: 'noEmail' }
  /** `target` as toTarget gives it: `email`, `attribute:plan`... */
  | { kind: 'sameTarget'; columns: string[]; target: ImportTarget };

/** The attribute's name of an `attribute:<name>` target, else undefined. */
export const attributeOf = (target: ImportTarget): string | undefined =>
  target.startsWith(ATTRIBUTE_PREFIX) ? target.slice(ATTRIBUTE_PREFIX.length) : undefined;

/**
 * What stops this mapping from being sent: the server refuses the same things (exactly one email
 * column, valid attribute names, no field fed by two columns).
 */
export const mappingProblems = (mapping: Record<string, ColumnMapping>): MappingProblem[] => {
  const problems: MappingProblem[] = [];
  const byTarget = new Map<ImportTarget, string[]>();
  for (const [column, m] of Object.entries(mapping)) {
    if (m.choice === 'ignore') continue;
    if (m.choice === 'attribute' && !ATTRIBUTE_NAME.test(m.attribute.trim())) {
      problems.push({ kind: 'badAttribute', column });
      continue;
    }
    const target = toTarget(m);
    byTarget.set(target, [...(byTarget.get(target) ?? []), column]);
  }
  if (!byTarget.has('email')) problems.push({ kind: 'noEmail' });
  for (const [target, columns] of byTarget) {
    if (columns.length > 1) problems.push({ kind: 'sameTarget', columns, target });
  }
  return problems;
};
