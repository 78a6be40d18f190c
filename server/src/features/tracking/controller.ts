import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';
import { notFoundPage, unsubscribePage } from './pages';
import { PAGE_HEADERS, VIEW_HEADERS } from './responses';

const page = (ctx: Context, status: number, html: string, headers = PAGE_HEADERS) => {
  ctx.set(headers);
  ctx.status = status;
  ctx.body = html;
};

/** The public pages recipients reach from their mail (index.ts); the tracking service checks every token. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tracking = () => getService(strapi, 'tracking');
  return {
    async view(ctx: Context) {
      const html = await tracking().view(ctx.params.token);
      if (html === null) return page(ctx, 404, notFoundPage());
      page(ctx, 200, html, VIEW_HEADERS);
    },

    async unsubscribePage(ctx: Context) {
      const view = await tracking().unsubscribePage(ctx.params.token, 'unsubscribe');
      page(ctx, view ? 200 : 404, view ? unsubscribePage(view) : notFoundPage());
    },

    /** Topic preferences are a later issue: until then the preferences link shows the unsubscribe page. */
    async preferencesPage(ctx: Context) {
      const view = await tracking().unsubscribePage(ctx.params.token, 'preferences');
      page(ctx, view ? 200 : 404, view ? unsubscribePage(view) : notFoundPage());
    },

    /** RFC 8058 one-click or the page's button: the body is not read (any body, no cookie), the answer is always 200. */
    async unsubscribe(ctx: Context) {
      page(ctx, 200, unsubscribePage(await tracking().unsubscribe(ctx.params.token)));
    },
  };
};
