import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';

type Body = { data?: unknown } | undefined;

/** Templates: the gallery's list, one template, its thumbnail's rendering, and the saved ones' CRUD. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const templates = () => getService(strapi, 'templates');
  return {
    async find(ctx: Context) {
      ctx.body = { data: await templates().list() };
    },
    async findOne(ctx: Context) {
      ctx.body = { data: await templates().findOne(ctx.params.ref) };
    },
    async render(ctx: Context) {
      ctx.body = { data: await templates().render(ctx.params.ref) };
    },
    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await templates().create((ctx.request.body as Body)?.data) };
    },
    async update(ctx: Context) {
      ctx.body = { data: await templates().update(ctx.params.documentId, (ctx.request.body as Body)?.data) };
    },
    async delete(ctx: Context) {
      ctx.body = { data: await templates().delete(ctx.params.documentId) };
    },
  };
};
