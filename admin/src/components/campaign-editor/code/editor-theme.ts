import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** The design system's colours by name (theme.colors): light or dark, whichever the admin shows. */
export type Colors = Record<string, string>;

/** Lines shown before the editor scrolls inside itself; the page keeps its own scroll for the rest. */
const HEIGHT = { min: '36rem', max: '70vh' };

/**
 * The editor in the admin's colours and the system's monospace font (no web font): the frame of
 * a design system input, gutters in the neutral tones, Liquid tags on a warning tint so merge tags
 * stand out from the markup. Long lines scroll inside the editor, never the page.
 */
export const editorTheme = (colors: Colors) => [
  EditorView.theme({
    '&': {
      color: colors.neutral800,
      backgroundColor: colors.neutral0,
      border: `1px solid ${colors.neutral200}`,
      borderRadius: '4px',
      fontSize: '1.3rem',
      minHeight: HEIGHT.min,
      maxHeight: HEIGHT.max,
    },
    '&.cm-focused': { outline: 'none', borderColor: colors.primary600, boxShadow: `${colors.primary600} 0 0 0 2px` },
    '.cm-scroller': {
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      lineHeight: 1.5,
      overflow: 'auto',
    },
    '.cm-content': { caretColor: colors.neutral800, minHeight: HEIGHT.min },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: colors.neutral800 },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: colors.primary200 },
    '.cm-activeLine': { backgroundColor: colors.neutral100 },
    '.cm-gutters': { backgroundColor: colors.neutral100, color: colors.neutral600, borderRight: `1px solid ${colors.neutral200}` },
    '.cm-activeLineGutter': { backgroundColor: colors.neutral150, color: colors.neutral800 },
    '.cm-foldPlaceholder': { backgroundColor: colors.neutral150, color: colors.neutral700, border: 'none', padding: '0 4px' },
    '.cm-liquid': { backgroundColor: colors.warning100, color: colors.warning700, borderRadius: '2px' },
    '.cm-tooltip': { backgroundColor: colors.neutral0, color: colors.neutral800, border: `1px solid ${colors.neutral200}` },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: colors.primary100, color: colors.primary700 },
    '.cm-diagnostic-error': { borderLeftColor: colors.danger600 },
    // Set by the editor when it is read-only (MjmlCodeEditor's `disabled`): the tint of a disabled input.
    '&.cm-readonly, &.cm-readonly .cm-gutters': { backgroundColor: colors.neutral150, color: colors.neutral600 },
  }),
  syntaxHighlighting(
    HighlightStyle.define([
      { tag: tags.tagName, color: colors.primary600 },
      { tag: tags.angleBracket, color: colors.neutral500 },
      { tag: tags.attributeName, color: colors.alternative600 },
      { tag: tags.attributeValue, color: colors.success700 },
      { tag: [tags.comment, tags.processingInstruction, tags.documentMeta], color: colors.neutral500, fontStyle: 'italic' },
      { tag: tags.character, color: colors.secondary600 },
      { tag: tags.invalid, color: colors.danger600 },
    ])
  ),
];
