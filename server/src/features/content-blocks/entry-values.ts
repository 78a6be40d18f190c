import type { EntriesBlockSpec } from '../../../../shared/contracts/content-blocks';
import { escapeValue, urlSegment } from './escape';
import type { ResolvedEntry } from './render';
import { blocksToHtml, markdownToHtml, type AbsoluteUrl } from './rich-text';

type Document = Record<string, unknown> & { documentId: string };

const scalarText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? '' : String(value);
};

const nonEmpty = (...values: unknown[]) => values.find((v): v is string => typeof v === 'string' && v.trim() !== '');

/** The text field's value as HTML, by its Strapi type: Blocks, Markdown (`richtext`), or plain text with its line breaks. */
const textHtml = (value: unknown, type: string | null, absolute: AbsoluteUrl): string | null => {
  const html =
    type === 'blocks'
      ? blocksToHtml(value, absolute)
      : type === 'richtext'
        ? markdownToHtml(value, absolute)
        : escapeValue(scalarText(value)).replace(/\r?\n/g, '<br />');
  return html.trim() ? html : null;
};

/**
 * The link pattern with its `{field}` placeholders filled: a placeholder that starts the pattern
 * holds the URL itself and goes in as it is, any other is one encoded segment.
 */
export const fillLink = (pattern: string, document: Record<string, unknown>) =>
  pattern.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, field: string, at: number) =>
    at === 0 ? scalarText(document[field]) : urlSegment(scalarText(document[field]))
  );

/** One document of the type as its block shows it. `textType`: the Strapi type of the text field. */
export const entryOf = (
  document: Document,
  spec: Pick<EntriesBlockSpec, 'fields' | 'link'>,
  textType: string | null,
  absolute: AbsoluteUrl
): ResolvedEntry => {
  const title = spec.fields.title ? scalarText(document[spec.fields.title]).trim() || null : null;
  const media = spec.fields.image ? document[spec.fields.image] : null;
  const file = (Array.isArray(media) ? media[0] : media) as Record<string, unknown> | null | undefined;
  const url = file && typeof file.url === 'string' ? file.url : null;
  return {
    documentId: document.documentId,
    title,
    html: spec.fields.text ? textHtml(document[spec.fields.text], textType, absolute) : null,
    image: url ? { url: absolute(url), alt: nonEmpty(file!.alternativeText, file!.caption, title) ?? '' } : null,
    link: spec.link ? fillLink(spec.link, document) : null,
  };
};

/**
 * Makes the upload provider's relative URLs (`/uploads/...`) absolute on the site's public URL,
 * path included (a Strapi served under /cms serves its uploads under /cms/uploads); absolute ones stay.
 */
export const absoluteOn =
  (base: string | null): AbsoluteUrl =>
  (url) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || !base) return url;
    if (url.startsWith('//')) return `https:${url}`;
    return `${base.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
  };
