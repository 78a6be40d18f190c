import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';
import { uploadOf, withUploads } from './uploads';
import { sendCsv } from '../../csv/csv-response';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const imports = () => getService(strapi, 'imports');
  return {
    async preview(ctx: Context) {
      await withUploads(ctx, async () => {
        ctx.body = { data: await imports().preview(uploadOf(ctx)) };
      });
    },
    async create(ctx: Context) {
      await withUploads(ctx, async () => {
        const body = ctx.request.body as { options?: unknown } | undefined;
        const adminId = (ctx.state.user as { id?: number } | undefined)?.id ?? null;
        ctx.status = 202;
        ctx.body = { data: await imports().create(uploadOf(ctx), body?.options, adminId) };
      });
    },
    async find(ctx: Context) {
      ctx.body = await imports().list(ctx.query);
    },
    async findOne(ctx: Context) {
      ctx.body = { data: await imports().findOne(ctx.params.id) };
    },
    async report(ctx: Context) {
      const report = await imports().report(ctx.params.id);
      sendCsv(ctx, report.fileName, report.stream());
    },
  };
};
