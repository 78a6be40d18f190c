import type { Readable } from 'node:stream';
import { Parser, type CsvError, type InfoRecord } from 'csv-parse';
import type { ImportDelimiter } from '../../../../shared/contracts/imports';

export interface CsvRecord {
  fields: string[];
  /** The line of the file the record starts on (1 is the header). */
  line: number;
}

export interface CsvChunk {
  records: CsvRecord[];
  /** Bytes of the file read so far. */
  bytesRead: number;
}

/** A record csv-parse could not read: no record after it is read either. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly parserMessage: string
  ) {
    super(`line ${line}: ${parserMessage}`);
    this.name = 'CsvSyntaxError';
  }
}

// A field with an unclosed quote would otherwise swallow the rest of the file into memory.
const MAX_RECORD_BYTES = 1024 * 1024;

const LINE_BREAKS = /\r\n|\r|\n/g;

/**
 * Line breaks inside a record's quoted fields: as they are in the file (CRLF is one), and as
 * csv-parse counts them (it counts the CR and the LF of a quoted CRLF as two lines).
 */
const innerBreaks = (fields: readonly string[]) => {
  let real = 0;
  let counted = 0;
  for (const field of fields) {
    if (!field.includes('\n') && !field.includes('\r')) continue;
    real += field.match(LINE_BREAKS)?.length ?? 0;
    for (const char of field) if (char === '\n' || char === '\r') counted += 1;
  }
  return { real, counted };
};

const feed = (parser: Parser, chunk: Buffer) =>
  new Promise<Error | undefined>((resolve) => parser.write(chunk, (error) => resolve(error ?? undefined)));

const finish = (parser: Parser) =>
  new Promise<Error | undefined>((resolve) => {
    parser.once('error', resolve);
    parser.end(() => resolve(undefined));
  });

/**
 * Reads CSV records as the file streams in, one array per chunk read, with the line each starts on.
 * Rows are arrays of strings; blank lines and rows of empty cells are skipped.
 *
 * csv-parse's stream drops the records it had already parsed from a chunk when a later record of
 * that chunk is broken; taking each record as it is parsed (on_record) keeps every one before the
 * broken record, which is then reported as a CsvSyntaxError at the line it starts on.
 */
export async function* readCsv(input: Readable, delimiter: ImportDelimiter): AsyncGenerator<CsvChunk> {
  let pending: CsvRecord[] = [];
  // The file line the last record ends on, and how far csv-parse's line count has run ahead of it.
  let lastLine = 0;
  let overcount = 0;
  let lastEmptyLines = 0;
  const parser = new Parser({
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (fields: string[], info: InfoRecord) => {
      const breaks = innerBreaks(fields);
      overcount += breaks.counted - breaks.real;
      lastLine = info.lines - overcount;
      lastEmptyLines = info.empty_lines;
      pending.push({ fields, line: lastLine - breaks.real });
      return null;
    },
  });
  // Errors come back through the write and end callbacks; this keeps them from being unhandled too.
  parser.on('error', () => undefined);

  const broken = (error: Error) => {
    const skipped = Number((error as CsvError & { empty_lines?: number }).empty_lines ?? lastEmptyLines) - lastEmptyLines;
    return new CsvSyntaxError(lastLine + 1 + Math.max(0, skipped), error.message);
  };

  let bytesRead = 0;
  try {
    for await (const chunk of input) {
      bytesRead += (chunk as Buffer).length;
      const error = await feed(parser, chunk as Buffer);
      const records = pending;
      pending = [];
      if (records.length) yield { records, bytesRead };
      if (error) throw broken(error);
    }
    const error = await finish(parser);
    if (pending.length) yield { records: pending, bytesRead };
    if (error) throw broken(error);
  } finally {
    parser.destroy();
    input.destroy();
  }
}
