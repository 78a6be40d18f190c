/**
 * Rows per transaction: the first batch is small, so a short file shows progress and a broken one
 * fails fast, then each batch doubles up to the cap. Commits, not inserts, are what an import waits
 * for (SQLite rewrites and syncs its journal for every one): 200,000 rows took 400 commits of 500 rows
 * at 8,100 rows/s, 40 of 5,000 at 17,400; a cap of 16,000 rather than 8,000 gave another 12% on
 * SQLite. The cap bounds memory and the bound values of a lookup (SQLite takes 32,766).
 */
export const FIRST_BATCH_ROWS = 500;
export const MAX_BATCH_ROWS = 16_000;
export const nextBatchRows = (previous: number) => Math.min(previous * 2, MAX_BATCH_ROWS);
