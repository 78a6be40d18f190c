import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { parse } from 'csv-parse/sync';
import { bearer, http } from './admin';
import { EVENT_WAIT_MS } from './wait';

/** The imports group's file size limit: a small one, so that a test crosses it without writing 500 MB. */
export const TEST_IMPORT_MAX_FILE_BYTES = 1024 * 1024;

/** The admin pages group's file size limit: the import wizard shows a file over it refused. */
export const WIZARD_IMPORT_MAX_FILE_BYTES = 64 * 1024;

export interface ImportBody {
  id: number;
  state: 'queued' | 'running' | 'done' | 'failed';
  counters: { rowsRead: number; created: number; updated: number; duplicates: number; rejected: number; suppressed: number };
  rowsCommitted: number;
  progress: number;
  error: string | null;
  [key: string]: unknown;
}

/** POST /campaigns/imports with the file and its options, as the admin page sends them. */
export const postImport = (strapi: Core.Strapi, token: string, file: string | Buffer, options: unknown, name = 'contacts.csv') =>
  http(strapi)
    .post('/campaigns/imports')
    .set(bearer(token))
    .attach('file', Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'), { filename: name, contentType: 'text/csv' })
    .field('options', typeof options === 'string' ? options : JSON.stringify(options));

/** Polls GET /campaigns/imports/:id until the import has ended. */
export const waitForImport = async (strapi: Core.Strapi, token: string, id: number, timeoutMs = EVENT_WAIT_MS): Promise<ImportBody> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await http(strapi).get(`/campaigns/imports/${id}`).set(bearer(token));
    if (res.status !== 200) throw new Error(`GET /campaigns/imports/${id} answered ${res.status}: ${JSON.stringify(res.body)}`);
    if (res.body.data.state === 'done' || res.body.data.state === 'failed') return res.body.data;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${res.body.data.state}: ${JSON.stringify(res.body.data)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
};

/**
 * Watches the files Strapi's body parser (koa-body's formidable 2) writes uploads to, wherever its
 * temporary folder is (the real `os.tmpdir()`, read from the process's own environment, not
 * jest's copy of it): the app runs in this process and shares the module, so each upload's
 * `PersistentFile#open` is seen with its path. `leftBehind()` answers the ones still on disk.
 * Call `stop()` after.
 */
export const watchUploads = () => {
  const { prototype } = require('formidable/src/PersistentFile.js') as { prototype: { open(): void } };
  const spy = jest.spyOn(prototype, 'open');
  const files: string[] = [];
  const written = () => [...files, ...spy.mock.contexts.map((file) => (file as { filepath: string }).filepath)];
  return {
    written,
    leftBehind: () => written().filter((file) => fs.existsSync(file)),
    stop: () => {
      // Restoring clears what the spy saw: keep it first.
      files.push(...written());
      spy.mockRestore();
    },
  };
};

/** Uploads, then waits for the job to end. */
export const importFile = async (strapi: Core.Strapi, token: string, file: string | Buffer, options: unknown) => {
  const res = await postImport(strapi, token, file, options);
  if (res.status !== 202) throw new Error(`POST /campaigns/imports answered ${res.status}: ${JSON.stringify(res.body)}`);
  return waitForImport(strapi, token, res.body.data.id);
};

/** GET a CSV download and parse it into arrays (the BOM is checked and dropped). */
export const downloadCsv = async (strapi: Core.Strapi, token: string, url: string) => {
  const res = await http(strapi)
    .get(url)
    .set(bearer(token))
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks).toString('utf8')));
    });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const text = res.body as string;
  return { res, text, rows: parse(text, { bom: true, relax_column_count: true }) as string[][] };
};
