import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { Import, ImportDelimiter, ImportPreview } from '../../../../shared/contracts/imports';
import { rootOf } from '../../composition/accessor';
import { TABLES, UID } from '../../constants';
import { adminNames } from './admin-names';
import { moveFile, newImportFile } from './files';
import { inspectCsv, type Upload } from './inspect';
import { importOptionsSchema, planColumns } from './options';
import { reportHeader } from './report';
import { suggestMapping } from './suggest';
import { findImportRow, IMPORT_STATES, insertImportRow, toImport, type ImportRow, type StoredOptions } from './table';
import { getPluginConfig } from '../../config/plugin-config';
import { fieldError, parseOrThrow } from '../../validation/errors';
import { listQuery } from '../../validation/list-query';

export type { Upload };

const PREVIEW_ROWS = 10;

const importListQuery = listQuery(['createdAt:desc', 'createdAt:asc'] as const).extend({ state: z.enum(IMPORT_STATES).optional() });

const createImportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const root = rootOf(strapi);

  const inspect = (upload: Upload, delimiter?: ImportDelimiter) =>
    inspectCsv(upload, { maxFileBytes: getPluginConfig(strapi).imports.maxFileBytes, delimiter, previewRows: PREVIEW_ROWS });

  const parseOptions = (input: unknown) => {
    let value = input;
    if (typeof input === 'string') {
      try {
        value = JSON.parse(input);
      } catch {
        throw fieldError('import', 'options', 'not valid JSON');
      }
    }
    if (value === undefined) throw fieldError('import', 'options', 'send the import options as the multipart field "options" (JSON)');
    return parseOrThrow(importOptionsSchema, value, 'import options');
  };

  const assertTopics = async (topics: readonly string[]) => {
    if (!topics.length) return;
    const found = await strapi.db.query(UID.topic).findMany({ where: { documentId: { $in: topics as string[] } }, select: ['documentId'] });
    const known = new Set(found.map((t: { documentId: string }) => t.documentId));
    const missing = topics.filter((t) => !known.has(t));
    if (missing.length) throw fieldError('import options', 'topics', `unknown topic ${missing.map((m) => `"${m}"`).join(', ')}`);
  };

  const present = async (rows: ImportRow[]) => {
    const names = await adminNames(
      strapi,
      rows.map((row) => row.created_by)
    );
    return rows.map((row) => toImport(row, names));
  };

  const findRow = async (id: number | string): Promise<ImportRow> => {
    const numeric = Number(id);
    const row = Number.isSafeInteger(numeric) && numeric > 0 ? await findImportRow(knex(), numeric) : undefined;
    if (!row) throw new errors.NotFoundError(`No import with id "${id}"`);
    return row;
  };

  return {
    /** The delimiter, header, first rows and a suggested mapping of a file; nothing is stored. */
    async preview(upload: Upload): Promise<ImportPreview> {
      const { delimiter, columns, rows } = await inspect(upload);
      return { fileName: upload.name, size: upload.size, delimiter, columns, rows, suggestedMapping: suggestMapping(columns) };
    },

    /**
     * Checks the file and the options against its header, keeps the file and queues the import.
     * Answers the import as queued; its job does the rest.
     */
    async create(upload: Upload, optionsInput: unknown, createdBy: number | null): Promise<Import> {
      const options = parseOptions(optionsInput);
      const { delimiter, columns } = await inspect(upload, options.delimiter);
      planColumns(columns, options.mapping);
      await assertTopics(options.topics);

      const stored: StoredOptions = { ...options, delimiter };
      const filePath = await newImportFile(strapi, '.csv');
      const reportPath = await newImportFile(strapi, '.rejected.csv');
      await moveFile(upload.path, filePath);
      const header = reportHeader(columns);
      await fs.writeFile(reportPath, header);
      const id = await insertImportRow(knex(), {
        state: 'queued',
        file_name: path.basename(upload.name).slice(0, 255),
        file_path: filePath,
        size: upload.size,
        options: JSON.stringify(stored),
        report_path: reportPath,
        report_bytes: Buffer.byteLength(header),
        created_by: createdBy,
        created_at: Date.now(),
      }).catch(async (error) => {
        await Promise.all([fs.rm(filePath, { force: true }), fs.rm(reportPath, { force: true })]);
        throw error;
      });
      await root.running.imports.enqueue(id);
      const [created] = await present([await findRow(id)]);
      return created;
    },

    async list(query: unknown = {}) {
      const q = parseOrThrow(importListQuery, query, 'query');
      const filtered = () => {
        const qb = knex()(TABLES.imports);
        if (q.state) qb.where('state', q.state);
        if (q.search) qb.whereRaw('LOWER(file_name) LIKE ?', [`%${q.search.toLowerCase().replace(/[%_]/g, '')}%`]);
        return qb;
      };
      const [rows, total] = await Promise.all([
        filtered()
          .select('*')
          .orderBy('id', q.sort === 'createdAt:asc' ? 'asc' : 'desc')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize),
        filtered().count({ n: '*' }).first(),
      ]);
      const count = Number(total?.n ?? 0);
      return {
        data: await present(rows as ImportRow[]),
        meta: { pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(count / q.pageSize), total: count } },
      };
    },

    async findOne(id: number | string): Promise<Import> {
      const [found] = await present([await findRow(id)]);
      return found;
    },

    /** The rejected-rows CSV as far as the import has committed it. */
    async report(id: number | string) {
      const row = await findRow(id);
      const bytes = Number(row.report_bytes);
      if (!row.report_path || bytes === 0) throw new errors.NotFoundError(`Import ${row.id} has no report`);
      await fs.access(row.report_path).catch(() => {
        throw new errors.NotFoundError(`The report of import ${row.id} is no longer on disk`);
      });
      return {
        fileName: `import-${row.id}-rejected-rows.csv`,
        stream: () => createReadStream(row.report_path as string, { end: bytes - 1 }),
      };
    },

    /**
     * Requeues imports whose job was lost, fails those whose job failed unseen, and deletes expired
     * reports (the maintenance queue runs it every few minutes; see imports/import-work).
     */
    tidy: () => root.running.imports.tidy(),
  };
};

export type ImportsService = ReturnType<typeof createImportsService>;
export default createImportsService;
