import { createHash } from 'node:crypto';
import type { FontSettings, PageTheme } from '../../../shared/contracts/site-settings';

const SYSTEM_FONTS = '-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif';
const TEXT = '#212134';
const WHITE = '#ffffff';

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export const contrastRatio = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

/**
 * The page's one stylesheet, from the theme. An editor's accent colour may be too light for white
 * button text or for links on white: the button text then turns dark, and links keep the body's
 * colour (underlined), so the page stays readable (WCAG AA) whatever colour was picked.
 */
export const styleOf = (theme: PageTheme, fonts: FontSettings) => {
  const accent = theme.accentColor.toLowerCase();
  const buttonText = contrastRatio(accent, WHITE) >= contrastRatio(accent, TEXT) ? WHITE : TEXT;
  const link = contrastRatio(accent, WHITE) >= 4.5 ? accent : TEXT;
  const family = fonts.mode === 'site' && fonts.family ? `"${fonts.family}",${SYSTEM_FONTS}` : SYSTEM_FONTS;
  return [
    `body{margin:0;background:#f4f4f6;color:${TEXT};font:16px/1.5 ${family}}`,
    'header,main,footer{max-width:28rem;margin:0 auto;padding:0 2rem}',
    'header{padding-top:8vh;padding-bottom:1rem}',
    'header img{display:block;max-height:3rem;max-width:100%}',
    'header p{margin:0;font-weight:600;font-size:1.1rem}',
    'main{padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(33,33,52,.1)}',
    'h1{font-size:1.3rem;margin:0 0 1rem}',
    `a{color:${link};text-decoration:underline}`,
    `button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:4px;background:${accent};color:${buttonText};cursor:pointer}`,
    'button:focus-visible,a:focus-visible{outline:3px solid #212134;outline-offset:2px}',
    'footer{padding-top:1.5rem;padding-bottom:2rem;color:#4a4a6a;font-size:.875rem;white-space:pre-line}',
  ].join('\n');
};

/** The CSP source allowing exactly this inline CSS. */
export const sha256Source = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

const hashes = new Map<string, string>();

/** The CSP source that allows exactly this inline stylesheet (`'sha256-…'`); a page's theme changes rarely, so it is kept. */
export const styleHash = (style: string) => {
  let hash = hashes.get(style);
  if (!hash) {
    hash = sha256Source(style);
    // Themes are few; a bound keeps a stream of edits from growing it without end.
    if (hashes.size >= 64) hashes.clear();
    hashes.set(style, hash);
  }
  return hash;
};

export const originOf = (url: string | null) => {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};
