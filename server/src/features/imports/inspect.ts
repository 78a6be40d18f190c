import { createReadStream } from 'node:fs';
import { errors } from '@strapi/utils';
import type { ImportDelimiter } from '../../../../shared/contracts/imports';
import { fieldError } from '../../validation/errors';
import { CsvSyntaxError, readCsv } from './csv-records';
import { delimiterInSingleColumn, describeDelimiter, detectDelimiter } from './delimiter';
import { readHead } from './files';
import { binaryReason, SNIFF_BYTES } from './sniff';

/** An uploaded file as the body parser left it on disk. */
export interface Upload {
  path: string;
  name: string;
  size: number;
}

export interface InspectedCsv {
  delimiter: ImportDelimiter;
  columns: string[];
  /** The first data rows (up to `previewRows`). */
  rows: string[][];
}

export const fileError = (message: string) => fieldError('import', 'file', message);

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 3 : 1)} MB`;

/**
 * Checks an upload before anything parses it (size, then binary content) and reads its header and
 * first rows with the given or detected delimiter. Every CSV the admin uploads (contact imports,
 * suppression lists) goes through it, so a bad file gets the same answer wherever it is sent.
 */
export const inspectCsv = async (
  upload: Upload,
  options: { maxFileBytes: number; delimiter?: ImportDelimiter; previewRows: number }
): Promise<InspectedCsv> => {
  const { maxFileBytes, previewRows } = options;
  if (upload.size > maxFileBytes) {
    throw new errors.PayloadTooLargeError(
      `file: "${upload.name}" is ${megabytes(upload.size)}; imports take files up to ${megabytes(maxFileBytes)} (option campaigns.imports.maxFileBytes)`
    );
  }
  const head = await readHead(upload.path, SNIFF_BYTES);
  if (head.length === 0) throw fileError('the file is empty');
  const binary = binaryReason(head);
  if (binary) throw fileError(binary);
  const delimiter = options.delimiter ?? detectDelimiter(head.toString('utf8').replace(/^\ufeff/, ''));

  const records: string[][] = [];
  try {
    for await (const chunk of readCsv(createReadStream(upload.path), delimiter)) {
      records.push(...chunk.records.map((r) => r.fields));
      if (records.length > previewRows) break;
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fileError(error.message);
    throw error;
  }
  if (records.length === 0) throw fileError('the file is empty (no header row)');
  const columns = records[0].map((c) => c.trim());
  const other = delimiterInSingleColumn(columns, delimiter);
  if (other) {
    throw fileError(
      `the header is one column ("${columns[0]}"): the file looks delimited by ${describeDelimiter(other)}, not ${describeDelimiter(delimiter)}; ` +
        `set options.delimiter to ${JSON.stringify(other)}`
    );
  }
  const rows = records.slice(1, previewRows + 1);
  if (rows.length === 0) throw fileError('the file has a header row but no data rows: nothing to import');
  return { delimiter, columns, rows };
};
