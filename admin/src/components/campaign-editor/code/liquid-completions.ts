import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { MERGE_TAGS } from '../builder/merge-tags';

/** Liquid after `{{` or inside a `{% %}` tag, up to the cursor: the path being typed is the last group. */
const IN_LIQUID = /(?:\{\{-?|\{%-?[^%]*?)\s*([\w.]*)$/;

/**
 * Completes the variables a template may read (the builder's merge tags) while a Liquid path is
 * typed: `{{ co` offers `contact.firstName`, `contact.email`…, `{{ contact.` the contact's fields.
 * Only inside `{{ }}` and `{% %}`: elsewhere a word is text of the message.
 */
export const liquidCompletions = (context: CompletionContext): CompletionResult | null => {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const match = IN_LIQUID.exec(before);
  if (!match) return null;
  const typed = match[1];
  if (!typed && !context.explicit && !/\{\{-?\s*$/.test(before)) return null;
  return {
    from: context.pos - typed.length,
    options: MERGE_TAGS.map(({ path }) => ({ label: path, type: 'variable' })),
    validFor: /^[\w.]*$/,
  };
};
