import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';

/** A campaign's schedule: set it (or move it), take it back. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scheduling = () => getService(strapi, 'scheduling');
  return {
    async schedule(ctx: Context) {
      ctx.body = { data: await scheduling().schedule(ctx.params.documentId, (ctx.request.body as { data?: unknown } | undefined)?.data) };
    },
    async unschedule(ctx: Context) {
      ctx.body = { data: await scheduling().unschedule(ctx.params.documentId) };
    },
  };
};
