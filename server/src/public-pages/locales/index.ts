import { de } from './de';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';

export type { MessageKey, Messages };

/** The languages the plugin ships, one file each. */
export const BUILT_IN_LANGUAGES: Readonly<Record<string, Messages>> = { en, fr, de, es };

export const DEFAULT_LANGUAGE = 'en';

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** A language code as pages know it: the primary subtag, lower case (`fr-CA`, `fr_FR`, `FR` -> `fr`). */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

export const primaryLanguage = (tag: string) => tag.trim().split(/[-_]/)[0].toLowerCase();

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * What is wrong with a language a site adds (config `pages.languages`), one sentence per key: a
 * missing key, a key English does not have, or a text whose placeholders differ from English's
 * (`{email}` left out would drop the address from the page). Empty when it is complete.
 */
export const languageProblems = (messages: Record<string, unknown>): Array<{ key: string; message: string }> => {
  const problems: Array<{ key: string; message: string }> = [];
  for (const key of MESSAGE_KEYS) {
    const text = messages[key];
    if (typeof text !== 'string' || !text.trim()) {
      problems.push({ key, message: 'missing: every key of the English text is required' });
      continue;
    }
    const wanted = placeholders(en[key]);
    if (placeholders(text).join() !== wanted.join()) {
      problems.push({
        key,
        message: `needs the placeholders ${wanted.length ? wanted.map((p) => `{${p}}`).join(', ') : '(none)'} and no others`,
      });
    }
  }
  for (const key of Object.keys(messages)) {
    if (!(key in en)) problems.push({ key, message: 'unknown key' });
  }
  return problems;
};

/** The languages pages can be shown in: the built-in ones and the site's (which may replace a built-in one). */
export const catalogueOf = (siteLanguages: Readonly<Record<string, Messages>> = {}): Readonly<Record<string, Messages>> => ({
  ...BUILT_IN_LANGUAGES,
  ...siteLanguages,
});
