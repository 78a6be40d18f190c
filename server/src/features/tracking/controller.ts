import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { rootOf } from '../../composition/accessor';
import { viewPolicy } from '../../public-pages/view-policy';
import { getService } from '../../services/get-service';
import { notFoundContent } from './pages';
import { VIEW_HEADERS } from './responses';

/** The view endpoint (index.ts; the click and open GETs are the fast path's); the tracking service checks every token. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tracking = () => getService(strapi, 'tracking');
  // Read when a request comes, not when Strapi builds the controllers (before register made the root).
  const pages = () => rootOf(strapi).pages;

  const notFound = async (ctx: Context) => {
    const context = await pages().context(ctx);
    pages().send(ctx, 404, context, notFoundContent(context));
  };

  return {
    async view(ctx: Context) {
      const html = await tracking().view(ctx.params.token);
      if (html === null) return notFound(ctx);
      ctx.set(VIEW_HEADERS);
      ctx.set('Content-Security-Policy', viewPolicy(html, (await rootOf(strapi).siteSettings.get()).fonts));
      ctx.body = html;
    },
  };
};
