import grapesjs, { type Editor } from 'grapesjs';
import grapesjsMjml, { type PluginOptions } from 'grapesjs-mjml';
import { keepCanvasLocal, PLACEHOLDER_IMAGE } from './canvas-local';
import { DEFAULT_ENTRIES_ATTRIBUTES, registerEntriesComponent } from './entries-component';
import { ENTRIES_TAG } from '../../../../../shared/contracts/content-blocks';

/** The blocks panel, in this order: grapesjs-mjml's blocks by their ids, then the builder's own. */
export const BLOCK_IDS = [
  'mj-1-column',
  'mj-2-columns',
  'mj-3-columns',
  'mj-column',
  'mj-text',
  'mj-image',
  'mj-button',
  'mj-divider',
  'mj-spacer',
  'mj-social-group',
  'mj-raw',
  ENTRIES_TAG,
] as const;
export type BlockId = (typeof BLOCK_IDS)[number];

export const DEVICES = { desktop: { id: 'desktop', width: '600px' }, mobile: { id: 'mobile', width: '375px' } } as const;
export type DeviceId = keyof typeof DEVICES;

export interface EditorTexts {
  blocks: Record<BlockId, string>;
  /** The canvas label of the site entries block and its one-line summary. */
  entries: { label: string; describe: (attributes: Record<string, string>) => string };
}

export interface EditorSetup {
  container: HTMLElement;
  blocks: HTMLElement;
  traits: HTMLElement;
  styles: HTMLElement;
  mjml: string;
  texts: EditorTexts;
  /** GrapesJS's own UI strings (asset manager, traits, style manager) for the admin's language. */
  i18n: { locale: string; messages: Record<string, unknown> };
}

/** Blocks grapesjs-mjml has no block for, and the content of the ones whose defaults load remote images. */
const OWN_BLOCKS: Partial<Record<BlockId, object>> = {
  'mj-column': { content: '<mj-column><mj-text>Text</mj-text></mj-column>' },
  'mj-image': { content: `<mj-image src="${PLACEHOLDER_IMAGE}"></mj-image>` },
  // A social link for each network, with MJML's default icons: the plugin serves its own copies of
  // them to the canvas, the preview and the mail (shared/social-icons.ts).
  'mj-social-group': {
    content:
      '<mj-social font-size="12px" icon-size="24px" border-radius="12px" mode="horizontal">' +
      '<mj-social-element name="facebook" href="https://www.facebook.com/"></mj-social-element>' +
      '<mj-social-element name="x" href="https://x.com/"></mj-social-element>' +
      '<mj-social-element name="linkedin" href="https://www.linkedin.com/"></mj-social-element>' +
      '</mj-social>',
  },
  'mj-raw': { content: '<mj-raw><p>HTML</p></mj-raw>' },
  [ENTRIES_TAG]: { content: { type: ENTRIES_TAG, attributes: DEFAULT_ENTRIES_ATTRIBUTES } },
};

const BLOCK_ICONS: Record<'mj-column' | typeof ENTRIES_TAG, string> = {
  'mj-column':
    '<svg viewBox="0 0 24 24"><path fill="currentColor" d="M8 20h8V4H8v16Zm-1 0V4a1 1 0 0 1 1-1h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1Z"/></svg>',
  [ENTRIES_TAG]: '<svg viewBox="0 0 24 24"><path fill="currentColor" d="M4 5h16v2H4zm0 4h10v2H4zm0 4h16v2H4zm0 4h10v2H4z"/></svg>',
};

/**
 * GrapesJS with grapesjs-mjml, set up to reach no host: no Font Awesome stylesheet (cssIcons), no
 * telemetry, no storage (the campaign form saves), no remote placeholders, and every component's
 * compiled HTML cleared of remote images before the canvas parses it.
 */
export const createEditor = ({ container, blocks, traits, styles, mjml, texts, i18n }: EditorSetup): Editor => {
  const mjmlOptions: PluginOptions = {
    blocks: BLOCK_IDS.filter((id) => id !== 'mj-column' && id !== ENTRIES_TAG),
    block: (id: string) => ({ label: texts.blocks[id as BlockId], ...OWN_BLOCKS[id as BlockId], category: '' }),
    imagePlaceholderSrc: PLACEHOLDER_IMAGE,
    resetDevices: false,
    useCustomTheme: false,
    // mjml-browser's defaults are Google Fonts; the canvas keeps only each component's body anyway.
    fonts: {},
    customComponents: [
      (editor, { opt }) => {
        // Read on every render (opt.mjmlParser), so wrapping it covers the whole canvas. mjml-browser
        // compiles synchronously, whatever mjml-core's types say.
        const parse = opt.mjmlParser as unknown as (source: string, options: object) => { html: string };
        opt.mjmlParser = ((source: string, options: object) => {
          const result = parse(source, options);
          return { ...result, html: keepCanvasLocal(result.html, window.location.origin) };
        }) as unknown as typeof opt.mjmlParser;
        registerEntriesComponent(editor, texts.entries.label, texts.entries.describe);
      },
    ],
  };
  const editor = grapesjs.init({
    container,
    height: '100%',
    width: 'auto',
    fromElement: false,
    storageManager: false,
    telemetry: false,
    // Undo steps are edits of the document, not clicks that select an element.
    undoManager: { trackSelection: false },
    cssIcons: '',
    panels: { defaults: [] },
    blockManager: { appendTo: blocks },
    traitManager: { appendTo: traits },
    styleManager: { appendTo: styles },
    layerManager: { appendTo: document.createElement('div') },
    assetManager: { assets: [], upload: false },
    deviceManager: {
      devices: [
        { id: DEVICES.desktop.id, name: DEVICES.desktop.id, width: DEVICES.desktop.width },
        { id: DEVICES.mobile.id, name: DEVICES.mobile.id, width: DEVICES.mobile.width, widthMedia: '480px' },
      ],
    },
    i18n: { locale: i18n.locale, detectLocale: false, localeFallback: 'en', messages: { [i18n.locale]: i18n.messages } },
    plugins: [(editor: Editor) => grapesjsMjml(editor, mjmlOptions)],
    components: mjml,
  });
  for (const id of ['mj-column', ENTRIES_TAG] as const) {
    editor.Blocks.add(id, { label: texts.blocks[id], media: BLOCK_ICONS[id], ...OWN_BLOCKS[id] });
  }
  // The panel lists the blocks as BLOCK_IDS does: sections first, then content, then the site's.
  const all = editor.Blocks.getAll();
  all.reset(BLOCK_IDS.map((id) => all.get(id)!.toJSON()));
  return editor;
};
