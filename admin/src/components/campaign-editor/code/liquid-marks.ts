import { Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';

/** Liquid outputs and tags (`{{ … }}`, `{% … %}`), within a line. The XML grammar sees them as plain text. */
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

const marker = new MatchDecorator({ regexp: LIQUID, decoration: Decoration.mark({ class: 'cm-liquid' }) });

/** Marks the Liquid inside the MJML (class cm-liquid, coloured by the theme), for the visible lines only. */
export const liquidMarks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = marker.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = marker.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations }
);
