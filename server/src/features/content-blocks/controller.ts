import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';

/** The block picker's lists: collection types, then entries of one. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  types(ctx: Context) {
    ctx.body = { data: getService(strapi, 'contentBlocks').types() };
  },
  async entries(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'contentBlocks').entries(ctx.query) };
  },
});
