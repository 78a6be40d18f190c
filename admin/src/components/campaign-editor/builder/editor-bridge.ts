import type { Component, Editor } from 'grapesjs';

/** Components whose content takes a merge tag: the text-like MJML elements. */
const TEXT_TYPES = new Set(['mj-text', 'mj-button', 'mj-navbar-link']);

interface TextView {
  getContent?: () => Promise<string>;
}

/**
 * The document as MJML, with the text being edited as the editor shows it: GrapesJS merges typed
 * text into its components only when the editing ends, and the form must not miss what was typed
 * when the editor clicks Save in the page's header.
 */
export const exportMjml = async (editor: Editor): Promise<string> => {
  const editing = editor.getEditing();
  const view = editing?.getView() as TextView | undefined;
  if (!editing || !view?.getContent) return editor.getHtml();
  const live = await view.getContent();
  const own = editing.toHTML;
  editing.toHTML = function (this: Component, ...args: Parameters<Component['toHTML']>) {
    const html = own.apply(this, args);
    const start = html.indexOf('>') + 1;
    const end = html.lastIndexOf('</');
    return start > 0 && end >= start ? html.slice(0, start) + live + html.slice(end) : html;
  };
  try {
    return editor.getHtml();
  } finally {
    delete (editing as Partial<Component>).toHTML;
  }
};

const textComponentOf = (component: Component | undefined) => {
  for (let current = component; current; current = current.parent()) {
    if (TEXT_TYPES.has(current.get('type') ?? '')) return current;
  }
  return undefined;
};

/**
 * Puts `html` at the caret of the text being edited, else at the end of the selected text; false
 * when no text is selected (the caller says to select one).
 */
export const insertIntoText = (editor: Editor, html: string): boolean => {
  const rte = editor.RichTextEditor.globalRte;
  if (editor.getEditing() && rte) {
    rte.insertHTML(html);
    return true;
  }
  const text = textComponentOf(editor.getSelected());
  if (!text) return false;
  const separator = /(^|\s)$/.test(text.getInnerHTML()) ? '' : ' ';
  text.components().add({ type: 'textnode', content: `${separator}${html}` });
  return true;
};
