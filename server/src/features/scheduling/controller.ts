import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';

const dataOf = (ctx: Context) => (ctx.request.body as { data?: unknown } | undefined)?.data;

/** A campaign's schedule: see what it would do, set it (or move it), take it back. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scheduling = () => getService(strapi, 'scheduling');
  return {
    async calendar(ctx: Context) {
      ctx.body = { data: await scheduling().calendar(ctx.query) };
    },
    async preview(ctx: Context) {
      ctx.body = { data: await scheduling().preview(ctx.params.documentId, dataOf(ctx)) };
    },
    async schedule(ctx: Context) {
      const { ifVersion } = (ctx.request.body as { ifVersion?: unknown } | undefined) ?? {};
      ctx.body = { data: await scheduling().schedule(ctx.params.documentId, dataOf(ctx), { ifVersion }) };
    },
    async unschedule(ctx: Context) {
      ctx.body = { data: await scheduling().unschedule(ctx.params.documentId) };
    },
  };
};
