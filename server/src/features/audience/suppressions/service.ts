import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { stringify } from 'csv-stringify';
import type { Suppression, SuppressionBatchResult } from '../../../../../shared/contracts/suppressions';
import { rootOf } from '../../../composition/accessor';
import { getPluginConfig } from '../../../config/plugin-config';
import { SAFE_CSV } from '../../../csv/safe-csv';
import type { ChangeOrigin } from '../../../site-events/catalogue';
import { fieldError, parseOrThrow } from '../../../validation/errors';
import { CsvSyntaxError, readCsv } from '../../imports/csv-records';
import { fileError, inspectCsv, type Upload } from '../../imports/inspect';
import { suggestMapping } from '../../imports/suggest';
import { isSuppressed } from './active';
import {
  addManyInput,
  addOneInput,
  checkEntries,
  emptyCheck,
  importInput,
  MAX_PASTED_ADDRESSES,
  splitPaste,
  suppressionExportQuery,
  suppressionListQuery,
  type CheckedEntries,
  type SuppressionTarget,
} from './input';
import { createSuppressionReader } from './reader';
import { createSuppressionRemovals } from './removals';
import { writeSuppressions, type ResolvedTarget } from './writer';

export { SUPPRESSION_REASONS, type SuppressionReason } from './input';
export type { Suppression };
export type { ActingAdmin } from './removal-log';

const EXPORT_PAGE = 1000;
const EXPORT_COLUMNS = ['email', 'reason', 'scope', 'topic', 'active', 'expiresAt', 'createdAt', 'note', 'sourceEvent'] as const;

const createSuppressionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const root = rootOf(strapi);
  const reader = createSuppressionReader(strapi);
  const { tables, findTopic, filtered, selectRow, toSuppression, findOne } = reader;
  const removals = createSuppressionRemovals(strapi, reader);

  const resolveTarget = async (target: SuppressionTarget, subject: string) => {
    const topic = target.scope === 'topic' && target.topic ? await findTopic(target.topic, subject) : null;
    const resolved: ResolvedTarget = {
      reason: target.reason,
      scope: target.scope,
      topicId: topic?.id ?? null,
      note: target.note || null,
      expiresAt: target.expiresAt ? new Date(target.expiresAt) : null,
    };
    return { resolved, topic };
  };

  /**
   * Writes the checked addresses in one transaction and announces each new suppression. The
   * report counts what happened to every entry the admin sent.
   */
  const suppress = async (
    checked: CheckedEntries,
    target: SuppressionTarget,
    subject: string,
    origin: ChangeOrigin
  ): Promise<{ result: SuppressionBatchResult; documentIds: string[] }> => {
    const { resolved, topic } = await resolveTarget(target, subject);
    const outcome = await strapi.db.transaction(({ trx }) => writeSuppressions(trx, tables(), checked.addresses, resolved, new Date()));
    for (const created of outcome.created) {
      root.announce('campaigns.suppression.create', {
        suppressionDocumentId: created.documentId,
        email: created.email,
        reason: resolved.reason,
        scope: resolved.scope,
        topic: topic?.documentId ?? null,
        expiresAt: resolved.expiresAt?.toISOString() ?? null,
        origin,
      });
    }
    return {
      result: {
        received: checked.addresses.length,
        added: outcome.created.length,
        alreadySuppressed: outcome.alreadySuppressed,
        duplicates: checked.duplicates,
        invalid: checked.invalid,
        invalidCount: checked.invalidCount,
      },
      documentIds: outcome.created.map((c) => c.documentId),
    };
  };

  /** The column of a file that holds the addresses: the one its header names as email, in any of the spellings the import knows. */
  const emailColumnOf = (columns: readonly string[]) => {
    const mapping = suggestMapping(columns);
    const index = columns.findIndex((column) => mapping[column] === 'email');
    if (index === -1) {
      throw fileError(
        `no column of the header holds email addresses (its columns: ${columns.map((c) => `"${c}"`).join(', ')}): name that column "email"`
      );
    }
    return index;
  };

  return {
    /** A page of suppressions: search by address, filter by reason, scope, topic and status, newest or oldest first. */
    async list(query: unknown = {}) {
      const q = parseOrThrow(suppressionListQuery, query, 'query');
      const topic = q.topic ? await findTopic(q.topic, 'query') : null;
      const now = new Date();
      const { columns: col } = tables();
      const direction = q.sort === 'createdAt:asc' ? 'asc' : 'desc';
      const [rows, total] = await Promise.all([
        selectRow(filtered(q, topic, now))
          .orderBy([
            { column: `s.${col.createdAt}`, order: direction },
            { column: 's.id', order: direction },
          ])
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize),
        filtered(q, topic, now).count({ n: 's.id' }).first(),
      ]);
      const count = Number((total as { n?: number | string } | undefined)?.n ?? 0);
      return {
        data: (rows as Array<Record<string, unknown>>).map((row) => toSuppression(row, now)),
        meta: { pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(count / q.pageSize), total: count } },
      };
    },

    async findOne(documentId: string): Promise<Suppression> {
      const found = await findOne(documentId);
      if (!found) throw new errors.NotFoundError(`No suppression with documentId "${documentId}"`);
      return found;
    },

    /**
     * Suppresses one address (globally, or for one topic). Adding one that already has an active
     * suppression of the same scope keeps the first record (its reason is the evidence) and returns it.
     */
    async add(input: unknown, origin: ChangeOrigin = 'api'): Promise<Suppression> {
      const data = parseOrThrow(addOneInput, input, 'suppression');
      const checked = checkEntries([{ line: 1, value: data.email }]);
      const { documentIds } = await suppress(checked, data, 'suppression', origin);
      if (documentIds.length) return (await findOne(documentIds[0])) as Suppression;
      const now = new Date();
      const { columns: col, topicLinks: links } = tables();
      const existing = await selectRow(filtered({ scope: data.scope }, null, now))
        .where(`s.${col.emailHash}`, checked.addresses[0].emailHash)
        .where((a) => a.whereNull(`s.${col.expiresAt}`).orWhere(`s.${col.expiresAt}`, '>', now))
        .modify((qb) => {
          if (data.topic) qb.where('t.document_id', data.topic);
          else qb.whereNull(`l.${links.topicColumn}`);
        })
        .orderBy('s.id')
        .first();
      return toSuppression(existing, now);
    },

    /**
     * Many addresses pasted at once: one a line, or separated by commas or semicolons. Every valid
     * one is suppressed in one transaction; the others are named, with their line, in the answer.
     */
    async addMany(input: unknown, origin: ChangeOrigin = 'api'): Promise<SuppressionBatchResult> {
      const data = parseOrThrow(addManyInput, input, 'suppressions');
      const entries = splitPaste(data.addresses);
      if (entries.length === 0) throw fieldError('suppressions', 'addresses', 'the paste holds no address');
      if (entries.length > MAX_PASTED_ADDRESSES) {
        throw fieldError(
          'suppressions',
          'addresses',
          `${entries.length} addresses; a paste takes at most ${MAX_PASTED_ADDRESSES}: import the rest as a CSV file`
        );
      }
      return (await suppress(checkEntries(entries), data, 'suppressions', origin)).result;
    },

    /**
     * A CSV of addresses, checked as the contact import checks its files (size, binary content,
     * delimiter, header) and read as it streams; the column whose header says email holds them.
     * Every valid address is suppressed in one transaction.
     */
    async importCsv(upload: Upload, optionsInput: unknown, origin: ChangeOrigin = 'api'): Promise<SuppressionBatchResult> {
      let options = optionsInput ?? {};
      if (typeof optionsInput === 'string') {
        try {
          options = JSON.parse(optionsInput);
        } catch {
          throw fieldError('import', 'options', 'not valid JSON');
        }
      }
      const target = parseOrThrow(importInput, options, 'import options');
      const { maxFileBytes } = getPluginConfig(strapi).imports;
      const { delimiter, columns } = await inspectCsv(upload, { maxFileBytes, previewRows: 1 });
      const column = emailColumnOf(columns);
      const checked = emptyCheck();
      try {
        for await (const chunk of readCsv(createReadStream(upload.path), delimiter)) {
          checkEntries(
            chunk.records.filter((r) => r.line > 1).map((r) => ({ line: r.line, value: r.fields[column] ?? '' })),
            checked
          );
        }
      } catch (error) {
        if (error instanceof CsvSyntaxError) throw fileError(`${error.message}; nothing was suppressed`);
        throw error;
      }
      return (await suppress(checked, target, 'import options', origin)).result;
    },

    /** The suppressions the filters select as a CSV stream (formula-safe), read page by page. */
    async exportCsv(query: unknown): Promise<{ fileName: string; stream: Readable }> {
      const q = parseOrThrow(suppressionExportQuery, query, 'query');
      const topic = q.topic ? await findTopic(q.topic, 'query') : null;
      const now = new Date();
      async function* records(page: (after: number) => Promise<Array<Record<string, unknown>>>) {
        yield [...EXPORT_COLUMNS];
        for (let after = 0; ;) {
          const rows = await page(after);
          if (rows.length === 0) return;
          for (const row of rows) {
            const s = toSuppression(row, now);
            yield [
              s.email ?? '',
              s.reason,
              s.scope,
              s.topic?.name ?? '',
              String(s.active),
              s.expiresAt ?? '',
              s.createdAt,
              s.note ?? '',
              s.sourceEvent ?? '',
            ];
          }
          after = Number(rows[rows.length - 1].id);
        }
      }
      const page = (after: number) =>
        selectRow(filtered(q, topic, now))
          .where('s.id', '>', after)
          .orderBy('s.id')
          .limit(EXPORT_PAGE);
      const csv = stringify({ ...SAFE_CSV, bom: true });
      pipeline(Readable.from(records(page)), csv, (error) => {
        if (error) strapi.log.warn(`campaigns: the suppressions export stopped: ${error.message}`);
      });
      return { fileName: `suppressions-${now.toISOString().slice(0, 10)}.csv`, stream: csv };
    },

    remove: removals.remove,
    removals: removals.removals,

    isSuppressed: (email: string): Promise<boolean> => isSuppressed(strapi, email),
  };
};

export type SuppressionsService = ReturnType<typeof createSuppressionsService>;
export default createSuppressionsService;
