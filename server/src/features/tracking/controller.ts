import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { rootOf } from '../../composition/accessor';
import { viewPolicy } from '../../public-pages/view-policy';
import { getService } from '../../services/get-service';
import type { TrackingClient } from './service';
import { notFoundContent } from './pages';
import { PIXEL_GIF, PIXEL_HEADERS, REDIRECT_HEADERS, TEXT_HEADERS, VIEW_HEADERS } from './responses';

// Koa answers HEAD through the GET routes: scanners that only look get the same answer, and nothing is counted.
const clientOf = (ctx: Context): TrackingClient => ({ userAgent: ctx.get('user-agent') || undefined, record: ctx.method === 'GET' });

/** The click, open and view endpoints (index.ts); the tracking service checks every token. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tracking = () => getService(strapi, 'tracking');
  // Read when a request comes, not when Strapi builds the controllers (before register made the root).
  const pages = () => rootOf(strapi).pages;

  const notFound = async (ctx: Context) => {
    const context = await pages().context(ctx);
    pages().send(ctx, 404, context, notFoundContent(context));
  };

  return {
    async click(ctx: Context) {
      const url = await tracking().click(ctx.params.token, clientOf(ctx));
      if (!url) {
        ctx.set(TEXT_HEADERS);
        ctx.status = 404;
        ctx.body = 'Not found';
        return;
      }
      ctx.set(REDIRECT_HEADERS);
      ctx.redirect(url);
    },

    /** Always the image, whatever the token: an answer that differed would tell a prober which tokens are genuine. */
    async open(ctx: Context) {
      await tracking().open(ctx.params.token, clientOf(ctx));
      ctx.set(PIXEL_HEADERS);
      ctx.body = PIXEL_GIF;
    },

    async view(ctx: Context) {
      const html = await tracking().view(ctx.params.token);
      if (html === null) return notFound(ctx);
      ctx.set(VIEW_HEADERS);
      ctx.set('Content-Security-Policy', viewPolicy(html, (await rootOf(strapi).siteSettings.get()).fonts));
      ctx.body = html;
    },
  };
};
