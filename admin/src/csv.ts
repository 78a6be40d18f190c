import { saveBlob } from './download';

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return first)
 * starts with a quote instead, as the server's exports do: an exported URL or reason never runs.
 */
const safeCell = (value: string | number) => {
  const text = String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** RFC 4180 text of a table: a header row, then the rows; CRLF line ends. */
export const csvOf = (header: string[], rows: Array<Array<string | number>>) =>
  [header, ...rows].map((row) => row.map((cell) => quoted(safeCell(cell))).join(',')).join('\r\n') + '\r\n';

/** Saves a table as a CSV file (UTF-8 with a byte order mark, so spreadsheets read accents right). */
export const saveCsv = (fileName: string, header: string[], rows: Array<Array<string | number>>) =>
  saveBlob(new Blob(['\uFEFF', csvOf(header, rows)], { type: 'text/csv;charset=utf-8' }), fileName);
