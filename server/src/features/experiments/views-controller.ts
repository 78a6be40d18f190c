import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';

/** The A/B test's variants previewed side by side, and its metric over time. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const views = () => getService(strapi, 'experimentViews');
  return {
    async preview(ctx: Context) {
      ctx.body = { data: await views().preview(ctx.params.documentId, (ctx.request.body as { data?: unknown } | undefined)?.data) };
    },
    async series(ctx: Context) {
      ctx.body = { data: await views().series(ctx.params.documentId) };
    },
  };
};
