import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { liquidCompletions } from '../liquid-completions';

/** Completions with the cursor at `|`. */
const complete = (text: string, explicit = false) => {
  const pos = text.indexOf('|');
  const state = EditorState.create({ doc: text.replace('|', '') });
  return liquidCompletions(new CompletionContext(state, pos, explicit));
};

test('offers the template variables right after {{ and while a path is typed', () => {
  const opened = complete('<mj-text>Hi {{ |</mj-text>');
  expect(opened?.options.map((o) => o.label)).toEqual(expect.arrayContaining(['contact.firstName', 'unsubscribe_url', 'campaign.name']));
  expect(complete('Hi {{ contact.fi|')).toMatchObject({ from: 'Hi {{ '.length });
  expect(complete('{%- if contact.|')).toMatchObject({ from: '{%- if '.length });
});

test('stays quiet in text, after a closed tag, and in a tag before a word is typed unless asked', () => {
  expect(complete('<mj-text>Hello wor|')).toBeNull();
  expect(complete('{{ contact.firstName }} and mo|')).toBeNull();
  expect(complete('{% if contact.firstName %}yes|')).toBeNull();
  expect(complete('{% if |')).toBeNull();
  expect(complete('{% if |', true)).not.toBeNull();
});
