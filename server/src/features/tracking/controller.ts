import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { rootOf } from '../../composition/accessor';
import { socialIconPng } from '../../content/social-icons';
import { viewPolicy } from '../../public-pages/view-policy';
import { getService } from '../../services/get-service';
import { notFoundContent } from './pages';
import { SOCIAL_ICON_HEADERS, TEXT_HEADERS, VIEW_HEADERS } from './responses';

/** The view and social icon endpoints (index.ts; the click and open GETs are the fast path's); the tracking service checks every token. */
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

    socialIcon(ctx: Context) {
      const png = socialIconPng(ctx.params.file);
      ctx.status = png ? 200 : 404;
      ctx.set(png ? SOCIAL_ICON_HEADERS : TEXT_HEADERS);
      ctx.body = png ?? 'No such social icon: the names are the files of mj-social-element, such as facebook.png';
    },
  };
};
