import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SuppressionReason, SuppressionRemoval, SuppressionScope } from '../../../../../shared/contracts/suppressions';
import { rootOf } from '../../../composition/accessor';
import { TABLES } from '../../../constants';
import { like, likeEscape } from '../../../db/like';
import type { ChangeOrigin } from '../../../site-events/catalogue';
import { parseOrThrow } from '../../../validation/errors';
import { ERASED_REASON } from '../contacts/erased';
import { removalListQuery, removeInput } from './input';
import { epochOf, isoOf, type SuppressionReader } from './reader';
import { logRemoval, type ActingAdmin } from './removal-log';

/** Lifting a suppression, with the record of who lifted it and why, and the list of those records. */
export const createSuppressionRemovals = (strapi: Core.Strapi, reader: SuppressionReader) => {
  const root = rootOf(strapi);
  const knex = () => strapi.db.connection;
  const { tables, filtered, selectRow, toSuppression } = reader;

  return {
    /**
     * Lifts a suppression: the row goes and a removal record keeps what it was, who lifted it and
     * why, in one transaction. The contact's state is left as it is: a bounced or unsubscribed
     * contact stays so until it is resubscribed on purpose.
     */
    async remove(documentId: string, input: unknown, by: ActingAdmin | null, origin: ChangeOrigin = 'admin') {
      const { note } = parseOrThrow(removeInput, input, 'removal');
      const t = tables();
      const { columns: col, topicLinks: links } = t;
      const removed = await strapi.db.transaction(async ({ trx }) => {
        const row = await selectRow(filtered({}, null, new Date()))
          .select({ emailHash: `s.${col.emailHash}` })
          .where(`s.${col.documentId}`, documentId)
          .transacting(trx)
          .first();
        if (!row) throw new errors.NotFoundError(`No suppression with documentId "${documentId}"`);
        if (row.reason === ERASED_REASON) {
          throw new errors.ValidationError(
            "An erased contact's suppression cannot be removed: it is what keeps the erased address from being mailed or imported again"
          );
        }
        const removedAt = Date.now();
        await logRemoval(trx, {
          suppressionDocumentId: documentId,
          email: row.email ?? null,
          emailHash: row.emailHash,
          reason: row.reason,
          scope: row.scope,
          topic: row.topicDocumentId ? { documentId: row.topicDocumentId, name: row.topicName ?? null } : null,
          suppressedAt: epochOf(row.createdAt),
          expiresAt: epochOf(row.expiresAt),
          note,
          removedBy: by,
          removedAt,
        });
        await trx(links.table).where(links.suppressionColumn, row.id).delete();
        await trx(t.suppressions).where('id', row.id).delete();
        return toSuppression(row, new Date(removedAt));
      });
      root.announce('campaigns.suppression.delete', {
        suppressionDocumentId: removed.documentId,
        email: removed.email,
        reason: removed.reason,
        scope: removed.scope,
        topic: removed.topic?.documentId ?? null,
        expiresAt: removed.expiresAt,
        origin,
        removedBy: by,
        note,
      });
      return { documentId: removed.documentId };
    },

    /** Suppressions admins lifted, newest first: what each was, who lifted it and why. */
    async removals(query: unknown = {}) {
      const q = parseOrThrow(removalListQuery, query, 'query');
      const R = TABLES.suppressionRemovals;
      const base = () => {
        const qb = knex()(R);
        if (q.search) like(qb, 'email', `%${likeEscape(q.search)}%`);
        return qb;
      };
      const direction = q.sort === 'removedAt:asc' ? 'asc' : 'desc';
      const [rows, total] = await Promise.all([
        base()
          .select('*')
          .orderBy([
            { column: 'removed_at', order: direction },
            { column: 'id', order: direction },
          ])
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize),
        base().count({ n: '*' }).first(),
      ]);
      const count = Number((total as { n?: number | string } | undefined)?.n ?? 0);
      const data = (rows as Array<Record<string, unknown>>).map((r): SuppressionRemoval => ({
        id: Number(r.id),
        suppressionDocumentId: String(r.suppression_document_id),
        email: (r.email as string | null) ?? null,
        reason: r.reason as SuppressionReason,
        scope: r.scope as SuppressionScope,
        topic: r.topic_document_id ? { documentId: String(r.topic_document_id), name: String(r.topic_name ?? '') } : null,
        suppressedAt: isoOf(r.suppressed_at),
        expiresAt: isoOf(r.expires_at),
        note: String(r.note),
        removedBy: r.removed_by_id == null ? null : { id: Number(r.removed_by_id), name: String(r.removed_by_name ?? '') },
        removedAt: isoOf(r.removed_at) as string,
      }));
      return { data, meta: { pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(count / q.pageSize), total: count } } };
    },
  };
};
