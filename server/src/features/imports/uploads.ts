import fs from 'node:fs/promises';
import type { Context } from 'koa';
import { fieldError } from '../../validation/errors';
import type { Upload } from './inspect';

/** A file as Strapi's body parser (koa-body, formidable 2) describes it. */
interface FormidableFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}
type Files = Record<string, FormidableFile | FormidableFile[] | undefined>;

const filesOf = (ctx: Context) => (ctx.request as { files?: Files }).files ?? {};

/** The CSV of the multipart field "file"; a 400 naming `subject` when there is none. */
export const uploadOf = (ctx: Context, subject = 'import'): Upload => {
  const field = filesOf(ctx).file;
  const file = Array.isArray(field) ? field[0] : field;
  if (!file) throw fieldError(subject, 'file', 'attach the CSV file as the multipart field "file"');
  return { path: file.filepath, name: file.originalFilename || 'import.csv', size: file.size };
};

/**
 * Strapi's body middleware deletes only the uploads of a field named "files"; this removes every
 * upload of the request still in the temporary folder once the request is answered (an import
 * moved its file away before).
 */
export const withUploads = async (ctx: Context, handle: () => Promise<void>) => {
  try {
    await handle();
  } finally {
    const paths = Object.values(filesOf(ctx))
      .flatMap((f) => (Array.isArray(f) ? f : f ? [f] : []))
      .map((f) => f.filepath);
    await Promise.all(paths.map((p) => fs.rm(p, { force: true })));
  }
};
