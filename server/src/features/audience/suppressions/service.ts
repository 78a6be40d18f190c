import type { Core } from '@strapi/strapi';
import { documentsOf, findOrThrow, findPage } from '../../../db/documents';
import { z } from 'zod';
import { UID } from '../../../constants';
import { emailField, isoDateTime } from '../../../validation/fields';
import { hashEmail } from '../../../validation/email';
import { listQuery } from '../../../validation/list-query';
import { parseOrThrow } from '../../../validation/errors';
import { activeSuppressionOf, isSuppressed } from './active';

export const SUPPRESSION_REASONS = ['hard-bounce', 'soft-bounce-limit', 'complaint', 'unsubscribe', 'manual', 'import', 'erased'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

const suppressionInput = z.strictObject({
  email: emailField,
  reason: z.enum(SUPPRESSION_REASONS),
  sourceEvent: z.string().max(255).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
  expiresAt: isoDateTime.nullable().optional(),
});
const suppressionListQuery = listQuery(['createdAt:desc', 'createdAt:asc', 'email:asc'] as const).extend({
  reason: z.enum(SUPPRESSION_REASONS).optional(),
});

export interface Suppression {
  documentId: string;
  email: string | null;
  reason: SuppressionReason;
  scope: 'global' | 'topic';
  sourceEvent: string | null;
  note: string | null;
  expiresAt: string | null;
  createdAt: string;
}

type Row = Suppression & { id: number };

const toSuppression = (row: Row): Suppression => ({
  documentId: row.documentId,
  email: row.email ?? null,
  reason: row.reason,
  scope: row.scope,
  sourceEvent: row.sourceEvent ?? null,
  note: row.note ?? null,
  expiresAt: row.expiresAt ?? null,
  createdAt: row.createdAt,
});

const createSuppressionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => documentsOf(strapi, UID.suppression);

  return {
    async list(query: unknown = {}) {
      const q = parseOrThrow(suppressionListQuery, query, 'query');
      const filters = {
        ...(q.search ? { email: { $containsi: q.search } } : {}),
        ...(q.reason ? { reason: q.reason } : {}),
      };
      return findPage(documents(), q, { filters }, toSuppression);
    },

    /**
     * Suppresses an address globally. Adding one that is already suppressed keeps the first
     * record (its reason is the evidence) and returns it.
     */
    async add(input: unknown): Promise<Suppression> {
      const data = parseOrThrow(suppressionInput, input, 'suppression');
      const emailHash = hashEmail(data.email);
      const existing = await documents().findFirst<Row>({ filters: activeSuppressionOf(emailHash) });
      if (existing) return toSuppression(existing);
      return toSuppression(await documents().create<Row>({ data: { ...data, emailHash, scope: 'global' } }));
    },

    async remove(documentId: string) {
      await findOrThrow(documents(), 'suppression', documentId, { fields: ['id'] });
      await documents().delete({ documentId });
      return { documentId };
    },

    isSuppressed: (email: string): Promise<boolean> => isSuppressed(strapi, email),
  };
};

export type SuppressionsService = ReturnType<typeof createSuppressionsService>;
export default createSuppressionsService;
