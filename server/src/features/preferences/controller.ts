import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { rootOf } from '../../composition/accessor';
import { pageContextOf, renderPage } from '../../public-pages';
import { getService } from '../../services/get-service';
import { PAGE_HEADERS } from '../tracking/responses';
import { discardBody, readForm } from './body';
import { sayer } from './pages';
import type { Outcome } from './service';

/** The unsubscribe, undo and preference routes (index.ts): each answers a page, never JSON, never a cookie. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const preferences = () => getService(strapi, 'preferences');

  const respond = async (ctx: Context, outcome: Outcome) => {
    const root = rootOf(strapi);
    const settings = await root.siteSettings.get();
    const context = pageContextOf(settings, root.config.sending.postalAddress ?? null, {
      contactLocale: outcome.locale,
      acceptLanguage: ctx.get('accept-language') || undefined,
    });
    ctx.set(PAGE_HEADERS);
    ctx.status = outcome.status;
    ctx.body = renderPage(context, outcome.render(sayer(context.locale)));
  };

  // Koa's ctx.ip: behind a reverse proxy Strapi's `server.proxy.koa` must be on, or every consent records the proxy.
  const ipOf = (ctx: Context) => ctx.ip || null;

  return {
    async unsubscribePage(ctx: Context) {
      await respond(ctx, await preferences().unsubscribePage(ctx.params.token));
    },

    /** RFC 8058 one-click or the page's button: the body is not read (any body, no cookie), the answer is always 200. */
    async unsubscribe(ctx: Context) {
      discardBody(ctx);
      await respond(ctx, await preferences().unsubscribe(ctx.params.token));
    },

    async undo(ctx: Context) {
      const body = await readForm(ctx);
      await respond(ctx, await preferences().undo(ctx.params.token, body, ipOf(ctx)));
    },

    async preferencesPage(ctx: Context) {
      await respond(ctx, await preferences().preferencesPage(ctx.params.token));
    },

    async savePreferences(ctx: Context) {
      const body = await readForm(ctx);
      await respond(ctx, await preferences().savePreferences(ctx.params.token, body, ipOf(ctx)));
    },
  };
};
