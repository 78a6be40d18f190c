import grapesCss from 'grapesjs/dist/css/grapes.min.css?inline';

/** The wrapper's class: GrapesJS's colours and sizes are set on it, not on the whole admin. */
export const BUILDER_CLASS = 'campaigns-visual-builder';

/**
 * Strapi's light palette for GrapesJS's variables, and room for the canvas (GrapesJS keeps 15 % on
 * the left and 40 px on top for panels this builder does not use).
 */
const THEME = `
.${BUILDER_CLASS} {
  --gjs-left-width: 0px;
  --gjs-canvas-top: 0px;
  --gjs-main-color: #ffffff;
  --gjs-primary-color: #ffffff;
  --gjs-secondary-color: #32324d;
  --gjs-tertiary-color: #4945ff;
  --gjs-quaternary-color: #4945ff;
  --gjs-font-color: #32324d;
  --gjs-font-color-active: #4945ff;
  --gjs-main-dark-color: rgba(33, 33, 52, 0.12);
  --gjs-secondary-dark-color: rgba(33, 33, 52, 0.04);
  --gjs-main-light-color: rgba(33, 33, 52, 0.06);
  --gjs-arrow-color: #666687;
  --gjs-color-blue: #4945ff;
  --gjs-main-font: inherit;
  --gjs-font-size: 1.2rem;
}
.${BUILDER_CLASS} .gjs-blocks-c { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.8rem; padding: 0.8rem; }
.${BUILDER_CLASS} .gjs-block { width: auto; min-height: 7.2rem; margin: 0; padding: 0.8rem 0.4rem; border-radius: 4px; }
.${BUILDER_CLASS} .gjs-block svg { width: 3.2rem; height: 3.2rem; }
.${BUILDER_CLASS} .gjs-block-label { font-size: 1.2rem; }
.${BUILDER_CLASS} .gjs-block-category .gjs-title { display: none; }
.${BUILDER_CLASS} .gjs-field { background-color: #f6f6f9; color: #32324d; }
.${BUILDER_CLASS} .gjs-radio-item-label.fa::before { content: attr(title); }
`;

const STYLE_ID = 'campaigns-visual-builder-style';

/**
 * The plugin SDK's Vite build would write an imported stylesheet to a CSS file of its own, which
 * Strapi's admin never loads; the CSS comes in as text and goes into one style element instead.
 * GrapesJS's rules are all on its own class names (gjs-*, CodeMirror, sp-*), so they restyle
 * nothing of Strapi's.
 */
export const installBuilderStyle = () => {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = `${grapesCss}\n${THEME}`;
  document.head.appendChild(style);
};
