import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';

/** The pre-send check of a campaign, on demand. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'presend').check(ctx.params.documentId) };
  },
});
