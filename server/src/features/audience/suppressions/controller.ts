import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendCsv } from '../../../csv/csv-response';
import { getService } from '../../../services/get-service';
import { uploadOf, withUploads } from '../../imports/uploads';
import type { ActingAdmin } from './service';

interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

const dataOf = (ctx: Context) => (ctx.request.body as { data?: unknown } | undefined)?.data;

/** The admin acting, by id and the name the admin shows. */
const adminOf = (ctx: Context): ActingAdmin | null => {
  const user = ctx.state.user as AdminUser | undefined;
  if (!user) return null;
  return { id: Number(user.id), name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `admin ${user.id}` };
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const suppressions = () => getService(strapi, 'suppressions');
  return {
    async find(ctx: Context) {
      ctx.body = await suppressions().list(ctx.query);
    },
    async findOne(ctx: Context) {
      ctx.body = { data: await suppressions().findOne(ctx.params.documentId) };
    },
    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await suppressions().add(dataOf(ctx), 'admin') };
    },
    async bulk(ctx: Context) {
      ctx.body = { data: await suppressions().addMany(dataOf(ctx), 'admin') };
    },
    async import(ctx: Context) {
      await withUploads(ctx, async () => {
        const body = ctx.request.body as { options?: unknown } | undefined;
        ctx.body = { data: await suppressions().importCsv(uploadOf(ctx), body?.options, 'admin') };
      });
    },
    async export(ctx: Context) {
      const csv = await suppressions().exportCsv(ctx.query);
      sendCsv(ctx, csv.fileName, csv.stream);
    },
    async remove(ctx: Context) {
      ctx.body = { data: await suppressions().remove(ctx.params.documentId, dataOf(ctx), adminOf(ctx)) };
    },
    async removals(ctx: Context) {
      ctx.body = await suppressions().removals(ctx.query);
    },
  };
};
