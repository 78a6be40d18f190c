import type { Knex } from 'knex';
import { chunks, insertRows, whereInList } from '../../../db/bulk-insert';
import { createDocumentId } from '../../../db/document-id';
import type { CheckedAddress, SuppressionReason, SuppressionScope } from './input';
import type { SuppressionWriteTables } from './tables';

/** Where and why a batch of addresses is suppressed, resolved (the topic as its row id). */
export interface ResolvedTarget {
  reason: SuppressionReason;
  scope: SuppressionScope;
  topicId: number | null;
  note: string | null;
  expiresAt: Date | null;
}

export interface WrittenSuppression {
  documentId: string;
  email: string;
}

export interface WriteOutcome {
  created: WrittenSuppression[];
  /** Addresses that already had an active suppression of the same scope (and topic): the first record stays, as the evidence. */
  alreadySuppressed: number;
}

/**
 * Suppresses addresses inside the caller's transaction, as the document service would have
 * written them one by one (document ids, timestamps, the topic link), in a few statements. An
 * address that already has an active suppression of the same scope keeps it and gets no second one.
 */
export const writeSuppressions = async (
  trx: Knex.Transaction,
  tables: SuppressionWriteTables,
  addresses: readonly CheckedAddress[],
  target: ResolvedTarget,
  now: Date
): Promise<WriteOutcome> => {
  const { columns: col, topicLinks: links } = tables;
  const taken = new Set<string>();
  for (const part of chunks(addresses.map((a) => a.emailHash))) {
    const existing = trx(`${tables.suppressions} as s`)
      .select({ hash: `s.${col.emailHash}` })
      .where(`s.${col.scope}`, target.scope)
      .where((q) => q.whereNull(`s.${col.expiresAt}`).orWhere(`s.${col.expiresAt}`, '>', now));
    if (target.topicId !== null) {
      existing.whereExists((link) =>
        link
          .select(trx.raw('1'))
          .from(links.table)
          .whereRaw('??.?? = s.id', [links.table, links.suppressionColumn])
          .where(`${links.table}.${links.topicColumn}`, target.topicId as number)
      );
    }
    const rows: Array<{ hash: string }> = await whereInList(trx, existing, `s.${col.emailHash}`, part);
    for (const row of rows) taken.add(row.hash);
  }
  const fresh = addresses.filter((a) => !taken.has(a.emailHash));
  const created = fresh.map((a) => ({ documentId: createDocumentId(), email: a.email, emailHash: a.emailHash }));
  await insertRows(
    trx,
    tables.suppressions,
    [
      col.documentId,
      col.email,
      col.emailHash,
      col.reason,
      col.scope,
      col.note,
      col.expiresAt,
      col.createdAt,
      col.updatedAt,
      col.publishedAt,
    ],
    created.map((c) => [c.documentId, c.email, c.emailHash, target.reason, target.scope, target.note, target.expiresAt, now, now, now])
  );
  if (target.topicId !== null && created.length) {
    // MySQL answers no inserted ids: the rows are found again by their new document ids.
    const ids: number[] = [];
    for (const part of chunks(created.map((c) => c.documentId))) {
      const rows: Array<{ id: number }> = await whereInList(trx, trx(tables.suppressions).select('id'), col.documentId, part);
      ids.push(...rows.map((r) => Number(r.id)));
    }
    await insertRows(
      trx,
      links.table,
      [links.suppressionColumn, links.topicColumn, ...tables.topicLinkOrderColumns],
      ids.map((id) => [id, target.topicId, ...tables.topicLinkOrderColumns.map(() => 1)])
    );
  }
  return { created: created.map(({ documentId, email }) => ({ documentId, email })), alreadySuppressed: addresses.length - fresh.length };
};
