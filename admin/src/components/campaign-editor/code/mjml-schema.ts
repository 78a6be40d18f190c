import type { ElementSpec } from '@codemirror/lang-xml';
import { ENTRIES_ATTRIBUTES, ENTRIES_TAG, ENTRY_LAYOUTS } from '../../../../../shared/contracts/content-blocks';

/**
 * The MJML elements the editor completes after `<`, with the children each may hold and the
 * attributes offered inside its tag. Not a validator (the server's MJML check is): the lists keep to
 * what campaigns use, so the completion menu stays short.
 */
const BOX = ['padding', 'padding-top', 'padding-bottom', 'padding-left', 'padding-right', 'css-class', 'mj-class'];
const TEXT = ['color', 'font-family', 'font-size', 'font-weight', 'line-height', 'align', 'letter-spacing', 'text-transform'];
const ALIGN = { name: 'align', values: ['left', 'center', 'right'] };
const CONTENT = [
  'mj-text',
  'mj-image',
  'mj-button',
  'mj-divider',
  'mj-spacer',
  'mj-social',
  'mj-table',
  'mj-navbar',
  'mj-accordion',
  'mj-carousel',
  'mj-raw',
  ENTRIES_TAG,
];

const element = (name: string, children: string[], attributes: Array<string | { name: string; values: string[] }>): ElementSpec => ({
  name,
  children,
  attributes,
});

export const MJML_ELEMENTS: ElementSpec[] = [
  { name: 'mjml', top: true, children: ['mj-head', 'mj-body'], attributes: ['lang', 'dir'] },
  element('mj-head', ['mj-attributes', 'mj-breakpoint', 'mj-font', 'mj-html-attributes', 'mj-preview', 'mj-style', 'mj-title'], []),
  element('mj-attributes', ['mj-all', 'mj-class', ...CONTENT, 'mj-section', 'mj-column'], []),
  element('mj-all', [], [...BOX, ...TEXT]),
  element('mj-class', [], ['name', ...BOX, ...TEXT]),
  element('mj-breakpoint', [], ['width']),
  element('mj-font', [], ['name', 'href']),
  element('mj-html-attributes', ['mj-selector'], []),
  element('mj-selector', ['mj-html-attribute'], ['path']),
  element('mj-html-attribute', [], ['name']),
  element('mj-preview', [], []),
  element('mj-style', [], [{ name: 'inline', values: ['inline'] }]),
  element('mj-title', [], []),
  element('mj-body', ['mj-section', 'mj-wrapper', 'mj-hero', 'mj-raw', ENTRIES_TAG], ['background-color', 'width', 'css-class']),
  element(
    'mj-wrapper',
    ['mj-section', 'mj-hero', 'mj-raw'],
    ['background-color', 'background-url', 'border', 'border-radius', 'full-width', ...BOX]
  ),
  element(
    'mj-section',
    ['mj-column', 'mj-group', 'mj-raw'],
    ['background-color', 'background-url', 'background-size', 'border', 'border-radius', 'direction', 'full-width', 'text-align', ...BOX]
  ),
  element('mj-group', ['mj-column'], ['width', 'background-color', 'direction', 'vertical-align', 'css-class']),
  element('mj-column', CONTENT, ['width', 'background-color', 'border', 'border-radius', 'vertical-align', ...BOX]),
  element('mj-hero', CONTENT, ['mode', 'height', 'background-url', 'background-color', 'background-width', 'background-height', ...BOX]),
  element('mj-text', [], [...TEXT, ALIGN, 'container-background-color', 'height', ...BOX]),
  element('mj-image', [], ['src', 'alt', 'href', 'width', 'height', ALIGN, 'border', 'border-radius', 'title', 'target', ...BOX]),
  element(
    'mj-button',
    [],
    ['href', 'background-color', 'border', 'border-radius', 'inner-padding', 'width', 'target', ...TEXT, ALIGN, ...BOX]
  ),
  element('mj-divider', [], ['border-color', 'border-style', 'border-width', 'width', ALIGN, ...BOX]),
  element('mj-spacer', [], ['height', 'container-background-color', 'css-class', 'mj-class']),
  element('mj-social', ['mj-social-element'], [{ name: 'mode', values: ['horizontal', 'vertical'] }, 'icon-size', ...TEXT, ...BOX]),
  element('mj-social-element', [], ['name', 'href', 'src', 'alt', 'background-color', 'icon-size', 'target', ...TEXT, ...BOX]),
  element('mj-table', [], ['width', 'border', 'cellpadding', 'cellspacing', 'table-layout', ...TEXT, ...BOX]),
  element('mj-navbar', ['mj-navbar-link'], ['hamburger', ALIGN, 'base-url', 'css-class', 'mj-class']),
  element('mj-navbar-link', [], ['href', 'target', ...TEXT, ...BOX]),
  element('mj-accordion', ['mj-accordion-element'], ['border', 'icon-position', 'font-family', ...BOX]),
  element('mj-accordion-element', ['mj-accordion-title', 'mj-accordion-text'], ['background-color', 'border', 'css-class']),
  element('mj-accordion-title', [], [...TEXT, 'background-color', ...BOX]),
  element('mj-accordion-text', [], [...TEXT, 'background-color', ...BOX]),
  element('mj-carousel', ['mj-carousel-image'], [ALIGN, 'border-radius', 'thumbnails', 'css-class', 'mj-class']),
  element('mj-carousel-image', [], ['src', 'alt', 'href', 'title', 'target', 'css-class']),
  element('mj-raw', [], []),
  // The site's entries block (shared/contracts/content-blocks.ts): expanded by the server before MJML sees it.
  element(
    ENTRIES_TAG,
    [],
    ENTRIES_ATTRIBUTES.map((name) => (name === 'layout' ? { name, values: [...ENTRY_LAYOUTS] } : name))
  ),
];
