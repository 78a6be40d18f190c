import { en } from '../../server/src/public-pages/locales/en';

/** What every text of the test's added language starts with. */
export const ITALIAN_MARK = '[it]';

/**
 * A language a site adds through config `pages.languages`: made from English so that it has every
 * key the pages have (and keeps its placeholders), whoever adds keys.
 */
export const ITALIAN = Object.fromEntries(Object.entries(en).map(([key, text]) => [key, `${ITALIAN_MARK} ${text}`]));

/** The playground reads config `pages` from this variable. */
export const pagesEnv = () => ({ CAMPAIGNS_PAGES: JSON.stringify({ languages: { it: ITALIAN } }) });
