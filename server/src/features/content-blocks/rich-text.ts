import MarkdownIt from 'markdown-it';
import { escapeValue, liquidLiteral, safeUrl } from './escape';

/**
 * Strapi's rich text, as email-safe HTML: plain tags with inline styles (mail clients drop <style>
 * rules and classes in places), links only to http(s) and mailto, images only over http(s). The
 * output is ready for the expanded MJML: escaped, and inert for Liquid (escape.ts).
 */

/** Makes an image or link URL of the content absolute (uploads are `/uploads/...` with the local provider). */
export type AbsoluteUrl = (url: string) => string;

const STYLE = {
  p: 'margin:0 0 12px 0;',
  heading: (level: number) => `margin:0 0 12px 0;font-weight:bold;font-size:${[26, 22, 19, 17, 16, 15][level - 1]}px;line-height:1.3;`,
  list: 'margin:0 0 12px 0;padding:0 0 0 24px;',
  quote: 'margin:0 0 12px 0;padding:0 0 0 12px;border-left:3px solid #dcdce4;color:#4a4a6a;',
  pre: 'margin:0 0 12px 0;padding:12px;background-color:#f6f6f9;font-family:Menlo,Consolas,monospace;font-size:13px;white-space:pre-wrap;',
  code: 'font-family:Menlo,Consolas,monospace;font-size:90%;background-color:#f6f6f9;',
  img: 'display:block;max-width:100%;height:auto;border:0;margin:0 0 12px 0;',
} as const;

interface TextNode {
  type: 'text';
  text?: unknown;
  bold?: unknown;
  italic?: unknown;
  underline?: unknown;
  strikethrough?: unknown;
  code?: unknown;
}
type Node = Record<string, unknown> & { type?: unknown; children?: unknown };

const childrenOf = (node: Node): Node[] =>
  Array.isArray(node.children) ? (node.children as Node[]).filter((c) => c && typeof c === 'object') : [];

const textLeaf = (node: TextNode) => {
  let html = escapeValue(typeof node.text === 'string' ? node.text : '').replace(/\n/g, '<br />');
  if (node.code) html = `<code style="${STYLE.code}">${html}</code>`;
  if (node.bold) html = `<strong>${html}</strong>`;
  if (node.italic) html = `<em>${html}</em>`;
  if (node.underline) html = `<u>${html}</u>`;
  if (node.strikethrough) html = `<s>${html}</s>`;
  return html;
};

const inline = (nodes: Node[]): string =>
  nodes
    .map((node) => {
      if (node.type === 'text') return textLeaf(node as unknown as TextNode);
      if (node.type === 'link') {
        const content = inline(childrenOf(node));
        const href = typeof node.url === 'string' ? safeUrl(node.url) : null;
        return href ? `<a href="${href}" style="color:inherit;">${content}</a>` : content;
      }
      return inline(childrenOf(node));
    })
    .join('');

const listHtml = (node: Node): string => {
  const tag = node.format === 'ordered' ? 'ol' : 'ul';
  const items = childrenOf(node)
    .map((child) => (child.type === 'list' ? listHtml(child) : `<li>${inline(childrenOf(child))}</li>`))
    .join('');
  return `<${tag} style="${STYLE.list}">${items}</${tag}>`;
};

const imageHtml = (node: Node, absolute: AbsoluteUrl) => {
  const image = (node.image && typeof node.image === 'object' ? node.image : {}) as Record<string, unknown>;
  const src = typeof image.url === 'string' ? safeUrl(absolute(image.url), ['http:', 'https:']) : null;
  if (!src) return '';
  const alt = [image.alternativeText, image.caption, image.name].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? '';
  return `<img src="${src}" alt="${escapeValue(alt)}" style="${STYLE.img}" />`;
};

/** Strapi's Blocks JSON (the `blocks` field type) as email-safe HTML; anything unknown is skipped, its text kept. */
export const blocksToHtml = (value: unknown, absolute: AbsoluteUrl): string => {
  if (!Array.isArray(value)) return '';
  return (value as Node[])
    .filter((node) => node && typeof node === 'object')
    .map((node) => {
      switch (node.type) {
        case 'paragraph':
          return `<p style="${STYLE.p}">${inline(childrenOf(node))}</p>`;
        case 'heading': {
          const level = Math.min(6, Math.max(1, Number(node.level) || 1));
          return `<h${level} style="${STYLE.heading(level)}">${inline(childrenOf(node))}</h${level}>`;
        }
        case 'list':
          return listHtml(node);
        case 'quote':
          return `<blockquote style="${STYLE.quote}">${inline(childrenOf(node))}</blockquote>`;
        case 'code':
          return `<pre style="${STYLE.pre}">${childrenOf(node)
            .map((child) => escapeValue(typeof child.text === 'string' ? child.text : ''))
            .join('')}</pre>`;
        case 'image':
          return imageHtml(node, absolute);
        default:
          return childrenOf(node).length ? `<p style="${STYLE.p}">${inline(childrenOf(node))}</p>` : '';
      }
    })
    .join('');
};

/**
 * One Markdown renderer: raw HTML in the Markdown is escaped (html: false), links and images keep
 * only http(s) and mailto URLs, and every tag gets the inline style mail clients keep.
 */
const createMarkdown = () => {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });
  md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim()) || url.trim().startsWith('/');
  const styled: Record<string, string> = {
    paragraph_open: STYLE.p,
    bullet_list_open: STYLE.list,
    ordered_list_open: STYLE.list,
    blockquote_open: STYLE.quote,
    code_block: STYLE.pre,
    fence: STYLE.pre,
    code_inline: STYLE.code,
  };
  for (const [rule, style] of Object.entries(styled)) {
    const original = md.renderer.rules[rule] ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
    md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
      tokens[idx].attrSet('style', style);
      // A fence's info string would become a class: mail clients ignore it, and it is site text in an attribute.
      tokens[idx].info = '';
      return original(tokens, idx, options, env, self);
    };
  }
  md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
    tokens[idx].attrSet('style', STYLE.heading(Number(tokens[idx].tag.slice(1))));
    return self.renderToken(tokens, idx, options);
  };
  return md;
};
const markdown = createMarkdown();

/** Markdown (the `richtext` field type) as email-safe HTML, its URLs made absolute. */
export const markdownToHtml = (value: unknown, absolute: AbsoluteUrl): string => {
  if (typeof value !== 'string' || !value.trim()) return '';
  const env = {};
  const tokens = markdown.parse(value, env);
  const fix = (list: typeof tokens) => {
    for (const token of list) {
      if (token.type === 'link_open' || token.type === 'image') {
        const attribute = token.type === 'image' ? 'src' : 'href';
        const url = safeUrl(absolute(token.attrGet(attribute) ?? ''), token.type === 'image' ? ['http:', 'https:'] : undefined);
        // safeUrl answers an attribute value (its & escaped): markdown-it escapes attributes itself.
        token.attrSet(attribute, url ? url.replace(/&amp;/g, '&') : '#');
        if (token.type === 'image') token.attrSet('style', STYLE.img);
      }
      if (token.children) fix(token.children);
    }
  };
  fix(tokens);
  return liquidLiteral(markdown.renderer.render(tokens, markdown.options, env));
};
