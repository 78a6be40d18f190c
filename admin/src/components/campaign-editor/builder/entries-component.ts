import type { Component, Editor } from 'grapesjs';
import { ENTRIES_TAG } from '../../../../../shared/contracts/content-blocks';

/** The block's attributes when dropped from the blocks panel: the latest three articles. */
export const DEFAULT_ENTRIES_ATTRIBUTES = {
  type: 'api::article.article',
  latest: '3',
  title: 'title',
  text: 'excerpt',
  image: 'cover',
};

/** An attribute as written back: in single quotes when the value holds double quotes (a filter's JSON). */
export const attributeText = (name: string, value: string) =>
  value.includes('"') ? `${name}='${value.replace(/'/g, '&apos;')}'` : `${name}="${value}"`;

/** The element as the campaign's MJML holds it: self-closing, its attributes in their order and unchanged. */
export const entriesElementOf = (attributes: Record<string, unknown>) => {
  const written = Object.entries(attributes)
    // GrapesJS may give a component an id of its own; the server does not read one.
    .filter(([name, value]) => name !== 'id' && value !== undefined && value !== null)
    .map(([name, value]) => attributeText(name, String(value)));
  return `<${ENTRIES_TAG}${written.map((text) => ` ${text}`).join('')} />`;
};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * `<mj-strapi-entries />` (shared/contracts/content-blocks.ts) in the builder: the server expands it
 * when the campaign compiles, so the canvas shows a labelled box for it. It moves among the body's
 * sections, and nothing is edited inside it (its attributes are edited in code mode or in the
 * entries picker).
 */
export const registerEntriesComponent = (editor: Editor, label: string, describe: (attributes: Record<string, string>) => string) => {
  editor.Components.addType(ENTRIES_TAG, {
    isComponent: (el: HTMLElement) => el.tagName?.toLowerCase() === ENTRIES_TAG,
    model: {
      defaults: {
        tagName: ENTRIES_TAG,
        name: label,
        draggable: '[data-gjs-type="mj-body"], [data-gjs-type="mj-wrapper"]',
        droppable: false,
        editable: false,
        stylable: false,
        components: [],
      },
      toHTML(this: Component) {
        return entriesElementOf(this.get('attributes') ?? {});
      },
    },
    view: {
      tagName: () => 'div',
      onRender({ el, model }: { el: HTMLElement; model: Component }) {
        const attributes = (model.get('attributes') ?? {}) as Record<string, string>;
        el.setAttribute(
          'style',
          'display:block;margin:0 auto;max-width:600px;padding:24px 16px;border:2px dashed #7b79ff;background:#f0f0ff;' +
            'color:#271fe0;font:14px/1.4 sans-serif;text-align:center'
        );
        el.innerHTML = `<strong>${escapeHtml(label)}</strong><br>${escapeHtml(describe(attributes))}`;
      },
    },
  });
};
