/**
 * The builder's canvas shows each component as compiled by mjml-browser, and that HTML loads images
 * as soon as it is parsed (even in GrapesJS's detached sandbox): an image or a background of another
 * host would be a request from the admin to a third party. In the canvas they show as a local
 * placeholder; the MJML the builder saves keeps the real addresses (the mail and the server's
 * preview use them). MJML's default social icons are the plugin's own, as in the mail.
 */
import { withOwnSocialIcons } from '../../../../../shared/social-icons';

/** A grey frame with a picture sign: what a remote image looks like in the canvas. */
export const PLACEHOLDER_IMAGE =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 32"><rect width="48" height="32" fill="#eaeaef"/>' +
      '<path d="M14 24l7-9 5 6 4-4 6 7z" fill="#a5a5ba"/><circle cx="31" cy="11" r="3" fill="#a5a5ba"/></svg>'
  );

/** Whether `url` would be fetched from another origin than `origin` (relative, data: and blob: URLs stay). */
export const isRemote = (url: string, origin: string) => {
  const trimmed = url.trim();
  if (!/^(https?:)?\/\//i.test(trimmed)) return false;
  try {
    return new URL(trimmed, origin).origin !== origin;
  } catch {
    return true;
  }
};

const SRC_ATTRIBUTE = /(\s(?:src|background|srcset|poster)\s*=\s*)("([^"]*)"|'([^']*)')/gi;
const CSS_URL = /url\(\s*(["']?)([^"')]+)\1\s*\)/gi;
const LINK_OR_IMPORT = /<link\b[^>]*>|@import[^;]*;?/gi;

/** `html` with every remote image, background and stylesheet replaced by the placeholder or removed. */
export const keepCanvasLocal = (html: string, origin: string): string =>
  withOwnSocialIcons(html, origin)
    .replace(LINK_OR_IMPORT, (whole) => (/(https?:)?\/\//i.test(whole) ? '' : whole))
    .replace(SRC_ATTRIBUTE, (whole, prefix: string, _quoted, double?: string, single?: string) => {
      const value = double ?? single ?? '';
      return value.split(',').some((part) => isRemote(part.trim().split(/\s+/)[0], origin)) ? `${prefix}"${PLACEHOLDER_IMAGE}"` : whole;
    })
    .replace(CSS_URL, (whole, _quote, url: string) => (isRemote(url, origin) ? `url("${PLACEHOLDER_IMAGE}")` : whole));
