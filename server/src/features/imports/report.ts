import fs from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV, UTF8_BOM } from '../../csv/safe-csv';

export interface RejectedRow {
  line: number;
  email: string;
  reason: string;
  values: readonly string[];
}

/** The report's first line: where, which address and why, then the file's own columns. */
export const reportHeader = (header: readonly string[]) => UTF8_BOM + stringify([['line', 'email', 'reason', ...header]], SAFE_CSV);

export const reportLines = (rows: readonly RejectedRow[]) =>
  rows.length
    ? stringify(
        rows.map((r) => [String(r.line), r.email, r.reason, ...r.values]),
        SAFE_CSV
      )
    : '';

/**
 * The rejected-rows CSV of an import, appended batch by batch. Its committed length is stored with
 * each batch: opening it cuts off what a crashed attempt appended after its last commit.
 */
export class ReportFile {
  private constructor(
    private readonly handle: fs.FileHandle,
    private size: number
  ) {}

  static async open(file: string, committedBytes: number) {
    const handle = await fs.open(file, 'a+');
    await handle.truncate(committedBytes);
    return new ReportFile(handle, committedBytes);
  }

  get bytes() {
    return this.size;
  }

  /** Appends and answers the report's new length. */
  async append(text: string) {
    if (text === '') return this.size;
    const data = Buffer.from(text, 'utf8');
    await this.handle.write(data);
    this.size += data.length;
    return this.size;
  }

  close() {
    return this.handle.close();
  }
}
