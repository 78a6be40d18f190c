import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../../services/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Runs the backfill in the request: for large sources, prefer the strapi-campaigns-backfill command. */
  async backfill(ctx: Context) {
    const input = (ctx.request.body as { data?: unknown } | undefined)?.data;
    ctx.body = { data: await getService(strapi, 'audienceSources').backfill(input ?? {}) };
  },
});
