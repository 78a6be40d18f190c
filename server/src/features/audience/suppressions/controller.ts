import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../../services/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await getService(strapi, 'suppressions').list(ctx.query);
  },
  async create(ctx: Context) {
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'suppressions').add((ctx.request.body as { data?: unknown })?.data) };
  },
  async delete(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'suppressions').remove(ctx.params.documentId) };
  },
});
