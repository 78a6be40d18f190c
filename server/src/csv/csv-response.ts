import type { Readable } from 'node:stream';
import type { Context } from 'koa';

/** Answers a CSV download; the body streams, so nothing holds the whole file. */
export const sendCsv = (ctx: Context, fileName: string, body: Readable) => {
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
};
