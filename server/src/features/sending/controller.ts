import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';

type Body = { data?: unknown } | undefined;

/** The send actions of one campaign, its progress, previews and tests. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sending = () => getService(strapi, 'sending');
  return {
    async senders(ctx: Context) {
      ctx.body = { data: sending().senders() };
    },
    async progress(ctx: Context) {
      ctx.body = { data: await sending().progress(ctx.params.documentId) };
    },
    async send(ctx: Context) {
      ctx.body = { data: await sending().sendNow(ctx.params.documentId) };
    },
    async pause(ctx: Context) {
      ctx.body = { data: await sending().pause(ctx.params.documentId) };
    },
    async resume(ctx: Context) {
      ctx.body = { data: await sending().resume(ctx.params.documentId) };
    },
    async cancel(ctx: Context) {
      ctx.body = { data: await sending().cancel(ctx.params.documentId) };
    },
    async preview(ctx: Context) {
      ctx.body = { data: await sending().preview(ctx.params.documentId, (ctx.request.body as Body)?.data) };
    },
    async test(ctx: Context) {
      ctx.body = { data: await sending().sendTest(ctx.params.documentId, (ctx.request.body as Body)?.data) };
    },
  };
};
