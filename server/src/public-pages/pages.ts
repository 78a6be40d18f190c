import type { Context } from 'koa';
import type { SiteSettings } from '../../../shared/contracts/site-settings';
import { catalogueOf, type Messages } from './locales';
import { pageContextOf, pageHeaders, renderPage, type PageContent, type PageContext } from './index';

interface PagesDeps {
  settings: { get(): Promise<SiteSettings> };
  /** `sending.postalAddress`: the footer when the theme has none. */
  postalAddress: string | null;
  /** Config `pages.languages`: the languages the site adds (or replaces), checked at boot to have every key. */
  siteLanguages: Readonly<Record<string, Messages>>;
}

/**
 * The public pages as the app serves them (`rootOf(strapi).pages`): the editor's current theme,
 * the configured postal address and every language, built-in and the site's.
 */
export const createPages = ({ settings, postalAddress, siteLanguages }: PagesDeps) => {
  const languages = catalogueOf(siteLanguages);
  return {
    languages,

    /** The context of a page answering this request; `contactLocale` when the token names a contact. */
    async context(ctx: Pick<Context, 'get'>, contactLocale: string | null = null): Promise<PageContext> {
      return pageContextOf(
        await settings.get(),
        postalAddress,
        { contactLocale, acceptLanguage: ctx.get('accept-language') || undefined },
        languages
      );
    },

    /** Answers the request with the page: its status, its headers (CSP for exactly this page) and its HTML. */
    send(ctx: Context, status: number, context: PageContext, content: PageContent) {
      ctx.set(pageHeaders(context));
      ctx.set('Content-Language', context.locale);
      ctx.set('Vary', 'Accept-Language');
      ctx.status = status;
      ctx.body = renderPage(context, content);
    },
  };
};

export type Pages = ReturnType<typeof createPages>;
