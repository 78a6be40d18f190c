import type { ImportDelimiter } from '../../../../shared/contracts/imports';

export const DELIMITERS: readonly ImportDelimiter[] = [',', ';', '\t', '|'];

/** How a delimiter is named in messages (a tab would be invisible). */
export const describeDelimiter = (delimiter: ImportDelimiter) => (delimiter === '\t' ? 'tab' : `"${delimiter}"`);

// A quoted field may hold delimiters and line breaks that are not structure: blank them out first.
const QUOTED = /"(?:[^"]|"")*"/g;

/**
 * The delimiter of a CSV sample: the candidate that splits the first lines into the same number of
 * fields, the most fields winning; ',' when no candidate appears (a one-column file).
 */
export const detectDelimiter = (sample: string): ImportDelimiter => {
  const lines = sample
    .replace(QUOTED, '""')
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  // The last line of a sample may be cut short: judge it only when it is the only one.
  const judged = lines.length > 1 ? lines.slice(0, -1) : lines;
  let best: { delimiter: ImportDelimiter; fields: number; consistent: boolean } = { delimiter: ',', fields: 1, consistent: true };
  for (const delimiter of DELIMITERS) {
    const counts = judged.map((line) => line.split(delimiter).length);
    if (counts.length === 0 || counts[0] < 2) continue;
    const consistent = counts.every((n) => n === counts[0]);
    const better = (consistent && !best.consistent) || (consistent === best.consistent && counts[0] > best.fields);
    if (better || best.fields === 1) best = { delimiter, fields: counts[0], consistent };
  }
  return best.delimiter;
};

/**
 * When a header parsed with `used` came out as one column that holds another delimiter, the file
 * was most likely written with that one.
 */
export const delimiterInSingleColumn = (header: readonly string[], used: ImportDelimiter): ImportDelimiter | undefined =>
  header.length === 1 ? DELIMITERS.find((d) => d !== used && header[0].includes(d)) : undefined;
