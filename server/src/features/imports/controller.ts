import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';
import type { Upload } from './service';
import { fieldError } from '../../validation/errors';
import { sendCsv } from '../../csv/csv-response';

/** A file as Strapi's body parser (koa-body, formidable 2) describes it. */
interface FormidableFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}
type Files = Record<string, FormidableFile | FormidableFile[] | undefined>;

const filesOf = (ctx: Context) => (ctx.request as { files?: Files }).files ?? {};

const uploadOf = (ctx: Context): Upload => {
  const field = filesOf(ctx).file;
  const file = Array.isArray(field) ? field[0] : field;
  if (!file) throw fieldError('import', 'file', 'attach the CSV file as the multipart field "file"');
  return { path: file.filepath, name: file.originalFilename || 'import.csv', size: file.size };
};

/**
 * Strapi's body middleware deletes only the uploads of a field named "files"; this removes every
 * upload of the request still in the temporary folder once the request is answered (an import
 * moved its file away before).
 */
const withUploads = async (ctx: Context, handle: () => Promise<void>) => {
  try {
    await handle();
  } finally {
    const paths = Object.values(filesOf(ctx))
      .flatMap((f) => (Array.isArray(f) ? f : f ? [f] : []))
      .map((f) => f.filepath);
    await Promise.all(paths.map((p) => fs.rm(p, { force: true })));
  }
};

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
