import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';
import type { HandlingAdmin } from './replies-admin-rows';

/** The replies inbox's endpoints, and the campaign report's replies by class. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const replies = () => getService(strapi, 'repliesAdmin');
  return {
    async find(ctx: Context) {
      ctx.body = await replies().list(ctx.query);
    },
    async findOne(ctx: Context) {
      ctx.body = { data: await replies().findOne(Number(ctx.params.id)) };
    },
    async handled(ctx: Context) {
      ctx.body = { data: await replies().markHandled(Number(ctx.params.id), ctx.request.body, ctx.state.user as HandlingAdmin) };
    },
    async campaignCounts(ctx: Context) {
      ctx.body = { data: await replies().campaignCounts(ctx.params.documentId) };
    },
  };
};
