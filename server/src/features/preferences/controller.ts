import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { rootOf } from '../../composition/accessor';
import { getService } from '../../services/get-service';
import { readForm } from './body';
import { sayer } from './pages';
import type { Outcome } from './service';

/** The unsubscribe, undo and preference routes (index.ts): each answers a page, never JSON, never a cookie. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const preferences = () => getService(strapi, 'preferences');

  const respond = async (ctx: Context, outcome: Outcome) => {
    // Read when a request comes, not when Strapi builds the controllers (before register made the root).
    const { pages } = rootOf(strapi);
    const context = await pages.context(ctx, outcome.locale);
    pages.send(ctx, outcome.status, context, outcome.render(sayer(context)));
  };

  // Koa's ctx.ip: behind a reverse proxy Strapi's `server.proxy.koa` must be on, or every consent records the proxy.
  const ipOf = (ctx: Context) => ctx.ip || null;

  return {
    async unsubscribePage(ctx: Context) {
      await respond(ctx, await preferences().unsubscribePage(ctx.params.token));
    },

    /** RFC 8058 one-click or the page's button: no field of the body is read (any body, no cookie), the answer is 200. */
    async unsubscribe(ctx: Context) {
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
