import type { Options } from 'csv-stringify';

/**
 * csv-stringify options for every CSV the plugin hands out: `escape_formulas` prefixes a value that
 * starts with =, +, -, @, tab or CR (and their full-width forms) with "'", so a spreadsheet shows it
 * as text instead of running it as a formula (CSV injection).
 */
export const SAFE_CSV: Options = { escape_formulas: true };

/** Starts a CSV file: without it Excel reads UTF-8 as the local code page. */
export const UTF8_BOM = '\ufeff';

const ESCAPED_FORMULA = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Undoes escape_formulas on a value read back from a CSV (an export imported again): "'=x" -> "=x".
 * Only the quote before a formula character goes, the one escape_formulas adds.
 */
export const unescapeFormula = (value: string) => (ESCAPED_FORMULA.test(value) ? value.slice(1) : value);
