import type { Knex } from 'knex';
import { isMysql } from '../../../db/dialect';

/**
 * Renumbers an order column of a join table 1, 2, 3... within each list (`partition` = one of
 * `ids`), keeping the current order: what Strapi's `cleanOrderColumns` does after it removes or
 * adds links, in one statement for many lists at once. Only rows whose value moves are written,
 * so closing a gap near the end of a long list rewrites the rows after it, not the whole list.
 */
export const renumberOrder = async (trx: Knex.Transaction, table: string, column: string, partition: string, ids: readonly number[]) => {
  if (!ids.length) return;
  const ranked = trx(table)
    .select('id')
    .select(trx.raw('row_number() over (partition by ?? order by ??, ??) as ??', [partition, column, 'id', 'position']))
    .whereIn(partition, ids as number[])
    .toSQL();
  const moved = '(a.?? is null or a.?? <> b.??)';
  if (isMysql(trx)) {
    await trx.raw(`update ?? as a, (${ranked.sql}) as b set a.?? = b.?? where b.id = a.id and ${moved}`, [
      table,
      ...ranked.bindings,
      column,
      'position',
      column,
      column,
      'position',
    ]);
    return;
  }
  await trx.raw(`update ?? as a set ?? = b.?? from (${ranked.sql}) as b where b.id = a.id and ${moved}`, [
    table,
    column,
    'position',
    ...ranked.bindings,
    column,
    column,
    'position',
  ]);
};
