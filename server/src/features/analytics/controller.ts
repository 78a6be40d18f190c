import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';

/** A campaign's report. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'analytics').report(ctx.params.documentId) };
  },
});
