import { convert } from 'html-to-text';
import type { Template } from 'liquidjs';
import mjmlModule from 'mjml';
import type { FontSettings } from '../../../shared/contracts/site-settings';
import type { TemplateLineProblem } from '../../../shared/contracts/template-problems';
import { withOwnSocialIcons } from '../../../shared/social-icons';
import { mjmlFontsOf, SYSTEM_FONTS, withoutForeignFonts } from './fonts';
import { splitHtml, type HtmlPieces } from './html-bytes';
import { rewriteLinks, type TrackedLink } from './links';
import { parseGenerated, parseTemplate, TemplateError } from './liquid';

type Mjml2Html = (
  source: string,
  options: { validationLevel: 'soft'; fonts: Record<string, string> }
) => Promise<{ html: string; errors: Array<{ line: number; message: string; tagName?: string }> }>;
const mjml2html = mjmlModule as unknown as Mjml2Html;

/** What an editor wrote: the campaign fields a message is made of. */
export interface ContentSource {
  subject: string | null;
  preheader: string | null;
  content: string | null;
  plainText: string | null;
}

/** What a message is compiled for besides its source. */
export interface CompileOptions {
  /** The site's choice (SiteSettings.fonts): the message loads fonts from the site's stylesheet or from nowhere. */
  fonts?: FontSettings;
  /** The plugin's publicUrl: MJML's default social icons are the site's, at this address (a relative path without it). */
  publicUrl?: string | null;
}

/** A campaign's message, compiled once: Liquid templates ready to render per recipient, and its tracked links. */
export interface CompiledContent {
  subject: Template[];
  html: HtmlPieces;
  text: Template[];
  links: TrackedLink[];
}

/** Lines the editor marks at most: a broken paste can make hundreds of MJML errors, the first ones say what to fix. */
const MAX_LINE_PROBLEMS = 50;

/** MJML's validation errors as the editor marks them: each at its line, naming the element it is about. */
export const mjmlProblems = (errors: Array<{ line: number; message: string; tagName?: string }>): TemplateLineProblem[] =>
  errors
    .filter((e) => Number.isInteger(e.line) && e.line > 0)
    .slice(0, MAX_LINE_PROBLEMS)
    .map((e) => ({ line: e.line, message: e.tagName ? `${e.tagName}: ${e.message}` : e.message }));

const OPEN_PIXEL = '<img src="{{ _open_url }}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;" />';

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** About as many characters as the widest inbox preview shows after the subject. */
const PREVIEW_LENGTH = 150;
/**
 * Invisible, non-collapsing characters: after a short preheader they fill the preview, which would
 * otherwise run on into the body's first words.
 */
const PREVIEW_PADDING = '&#847;&zwnj;&nbsp;';

/**
 * Inbox clients show the first text of the body after the subject: a hidden preheader decides what
 * that is. Hidden the way current email frameworks do it: a 1px font would be hidden too, but it is
 * what spam filters look for (SpamAssassin's FONT_INVIS_MSGID scores it). `text` is HTML already.
 */
const hiddenPreview = (text: string, length: number) =>
  `<div style="display:none;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;">${text}${PREVIEW_PADDING.repeat(Math.max(0, PREVIEW_LENGTH - length))}</div>`;

const withPreheader = (html: string, preheader: string) =>
  html.replace(/<body\b[^>]*>/i, (body) => `${body}${hiddenPreview(escapeHtml(preheader), preheader.length)}`);

/** MJML's own <mj-preview> block, as mjml 5 writes it: with the 1px font that spam filters score. */
const MJML_PREVIEW =
  /<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;">([\s\S]*?)<\/div>/;
const restyleMjmlPreview = (html: string) => html.replace(MJML_PREVIEW, (_, text: string) => hiddenPreview(text, text.length));

const withPixel = (html: string) => (/<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${OPEN_PIXEL}</body>`) : html + OPEN_PIXEL);

/**
 * MJML indents its output generously (a 45 KB newsletter is a third spaces). Leading indentation and
 * blank lines mean nothing in HTML outside <pre> and <textarea>, and every byte of it would be
 * merged, encoded and sent once per recipient (and counts towards Gmail's 102 KB clipping). A line
 * that would start with a dot (CSS class rules) keeps one space: SMTP doubles a leading dot, and a
 * message with none goes out without that rewrite.
 */
const dropIndentation = (html: string) =>
  /<(pre|textarea)\b/i.test(html)
    ? html
    : html
        .replace(/^[ \t]*(?=\.)|^[ \t]+/gm, (indent, at: number, all: string) => (all[at + indent.length] === '.' ? ' ' : ''))
        .replace(/\n{2,}/g, '\n');

/** Mail wants CRLF line ends: made once here, so that a rendered body needs no rewrite per recipient. */
const crlf = (value: string) => value.replace(/\r?\n/g, '\r\n');

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } }));

/** The text part from the HTML: Liquid tags survive as text (no uppercase headings, no wrapping inside tags). */
const textOf = (html: string) =>
  convert(html, {
    wordwrap: false,
    selectors: [
      ...HEADINGS,
      { selector: 'img', format: 'skip' },
      { selector: 'table', format: 'block' },
      { selector: 'tr', format: 'block' },
      { selector: 'td', format: 'block' },
      { selector: 'th', format: 'block' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
      { selector: 'div[style*="display:none"]', format: 'skip' },
    ],
  }).replace(/\n{3,}/g, '\n\n');

/**
 * Checks the editor's templates (only documented variables, no code-reaching names), compiles the
 * MJML once, rewrites trackable links and adds the open pixel. Throws a TemplateError naming the
 * field (subject, preheader, content, plainText) and what to fix. The compiled message asks no
 * third party for anything: no foreign fonts, MJML's default social icons taken from the site.
 */
export const compileContent = async (
  source: ContentSource,
  { fonts = SYSTEM_FONTS, publicUrl }: CompileOptions = {}
): Promise<CompiledContent> => {
  if (!source.content?.trim()) throw new TemplateError('content', 'is empty: write the message in MJML');
  const subject = parseTemplate('subject', source.subject ?? '', 'text');
  if (source.preheader) parseTemplate('preheader', source.preheader, 'text');
  parseTemplate('content', source.content, 'html');
  const plainText = source.plainText?.trim() ? parseTemplate('plainText', crlf(source.plainText), 'text') : null;

  let compiled: Awaited<ReturnType<Mjml2Html>>;
  try {
    compiled = await mjml2html(source.content, { validationLevel: 'soft', fonts: mjmlFontsOf(fonts) });
  } catch (error) {
    throw new TemplateError('content', `is not valid MJML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (compiled.errors.length) {
    const listed = compiled.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`);
    throw new TemplateError(
      'content',
      `MJML errors: ${listed.join('; ')}${compiled.errors.length > 5 ? ` (and ${compiled.errors.length - 5} more)` : ''}`,
      mjmlProblems(compiled.errors)
    );
  }

  const { html, links } = rewriteLinks(
    dropIndentation(restyleMjmlPreview(withOwnSocialIcons(withoutForeignFonts(compiled.html, fonts), publicUrl)))
  );
  const text = plainText ?? parseGenerated('plainText', crlf(textOf(html)), 'text');
  const finished = withPixel(source.preheader ? withPreheader(html, source.preheader) : html);
  return { subject, html: splitHtml(parseGenerated('content', crlf(finished), 'html')), text, links };
};

/**
 * What saving a campaign checks: every template field it has, the MJML only when there is some
 * (a draft may be saved before its content is written).
 */
export const checkContentSource = async (source: ContentSource) => {
  if (source.content?.trim()) {
    await compileContent(source);
    return;
  }
  parseTemplate('subject', source.subject ?? '', 'text');
  if (source.preheader) parseTemplate('preheader', source.preheader, 'text');
  if (source.plainText?.trim()) parseTemplate('plainText', source.plainText, 'text');
};
