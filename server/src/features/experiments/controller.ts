import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';
import type { DecidingAdmin } from './service';

type RequestBody = { data?: unknown } | undefined;

/** A campaign's A/B test: its set-up, and an editor's pick of a winner or cancel. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const experiments = () => getService(strapi, 'experiments');
  const body = (ctx: Context) => (ctx.request.body as RequestBody)?.data;
  const admin = (ctx: Context) => ctx.state.user as DecidingAdmin;
  return {
    async findOne(ctx: Context) {
      ctx.body = { data: await experiments().find(ctx.params.documentId) };
    },
    async put(ctx: Context) {
      ctx.body = { data: await experiments().put(ctx.params.documentId, body(ctx)) };
    },
    async delete(ctx: Context) {
      ctx.body = { data: await experiments().delete(ctx.params.documentId) };
    },
    async pickWinner(ctx: Context) {
      ctx.body = { data: await experiments().pickWinner(ctx.params.documentId, body(ctx), admin(ctx)) };
    },
    async cancel(ctx: Context) {
      ctx.body = { data: await experiments().cancel(ctx.params.documentId, body(ctx), admin(ctx)) };
    },
  };
};
