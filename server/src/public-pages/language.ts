import { DEFAULT_LANGUAGE, LANGUAGE_CODE, primaryLanguage } from './locales';

/** The languages of an Accept-Language header, most wanted first (q=0 means "not this one"; `*` names none). */
export const acceptedLanguages = (header: string | undefined): string[] => {
  if (!header) return [];
  const ranges = header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => /^\s*q\s*=/i.test(p));
      // A q-value that is not a number is a broken range: it counts as not wanted.
      const weight = q === undefined ? 1 : Number(q.split('=')[1].trim() || 'x');
      return { language: primaryLanguage(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.weight > 0 && LANGUAGE_CODE.test(range.language));
  ranges.sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges.map((range) => range.language);
};

/**
 * The page's language: the contact's locale when pages have it, else the browser's most wanted one
 * they have, else English. A contact's locale wins over the browser: the page answers a message
 * written for that contact, and the browser may be a shared or a work one.
 */
export const chooseLanguage = (
  available: Readonly<Record<string, unknown>>,
  contactLocale: string | null | undefined,
  acceptLanguage: string | undefined
): string => {
  const has = (language: string) => Object.hasOwn(available, language);
  if (contactLocale) {
    const language = primaryLanguage(contactLocale);
    if (has(language)) return language;
  }
  return acceptedLanguages(acceptLanguage).find(has) ?? DEFAULT_LANGUAGE;
};
