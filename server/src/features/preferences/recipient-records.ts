import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ContactConsent, ContactState } from '../../../../shared/contracts/contacts';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { retryDeadlocks } from '../../db/deadlock';
import { documentsOf } from '../../db/documents';
import type { SiteEventPayloads } from '../../site-events/catalogue';
import { hashEmail, normalizeEmail } from '../../validation/email';
import { epochOf } from '../audience/suppressions/reader';
import { logRemoval } from '../audience/suppressions/removal-log';

export interface ContactRow {
  id: number;
  documentId: string;
  state: ContactState;
  locale: string | null;
}

export interface SuppressionRow {
  id: number;
  documentId: string;
  email: string | null;
  emailHash: string;
  reason: string;
  scope: 'global' | 'topic';
  sourceEvent: string | null;
  expiresAt: string | null;
  createdAt: string;
}

export type Announcement = { [N in keyof SiteEventPayloads]: [N, SiteEventPayloads[N]] }[keyof SiteEventPayloads];
export type Announce = (announcement: Announcement) => void;

export const SUPPRESSION_FIELDS = ['id', 'documentId', 'email', 'emailHash', 'reason', 'scope', 'sourceEvent', 'expiresAt', 'createdAt'];

/** The suppressions that count now: lasting ones, and expiring ones not expired yet. */
export const active = () => ({ $or: [{ expiresAt: { $null: true } }, { expiresAt: { $gt: new Date() } }] });

/** The key suppressions match on (validation/email.ts); a delivery's address was normalised when it was stored. */
export const addressHash = (email: string) => {
  const normalized = normalizeEmail(email);
  return hashEmail(normalized.ok ? normalized.email : email);
};

/**
 * What the recipient's pages read and change about a person: their contact, their suppressions,
 * and the changes their own yes makes (a suppression lifted, a resubscribe with a consent record),
 * each announced once its transaction commits.
 */
export const createRecipientRecords = (strapi: Core.Strapi) => {
  const root = rootOf(strapi);
  const suppressions = () => strapi.db.query(UID.suppression);
  const suppressionDocuments = () => documentsOf(strapi, UID.suppression);

  /** `topic`: the documentId of a topic-scoped suppression's topic, as the suppressions admin announces it. */
  const aboutSuppression = (row: SuppressionRow, topic: string | null): SiteEventPayloads['campaigns.suppression.create'] => ({
    suppressionDocumentId: row.documentId,
    email: row.email,
    reason: row.reason,
    scope: row.scope,
    topic,
    expiresAt: row.expiresAt,
    origin: 'recipient',
  });

  return {
    suppressions,
    suppressionDocuments,
    aboutSuppression,

    contactOf: (contactId: number): Promise<ContactRow | null> =>
      strapi.db.query(UID.contact).findOne({ where: { id: contactId }, select: ['id', 'documentId', 'state', 'locale'] }),

    globalSuppressions: (emailHash: string): Promise<SuppressionRow[]> =>
      suppressions().findMany({ where: { emailHash, scope: 'global', ...active() }, select: SUPPRESSION_FIELDS }),

    /**
     * A suppression the recipient's own yes lifts, with its record in the removal log (no admin:
     * `removedBy` null, the note says what the recipient did); answers the announcement to make
     * once that commits.
     */
    async lift(
      trx: Knex.Transaction,
      row: SuppressionRow,
      topic: { documentId: string; name: string } | null,
      note: string
    ): Promise<Announcement> {
      await logRemoval(trx, {
        suppressionDocumentId: row.documentId,
        email: row.email,
        emailHash: row.emailHash,
        reason: row.reason,
        scope: row.scope,
        topic,
        suppressedAt: epochOf(row.createdAt),
        expiresAt: epochOf(row.expiresAt),
        note,
        removedBy: null,
        removedAt: Date.now(),
      });
      await suppressionDocuments().delete({ documentId: row.documentId });
      return ['campaigns.suppression.delete', { ...aboutSuppression(row, topic?.documentId ?? null), removedBy: null, note }];
    },

    /**
     * Runs `work` in one transaction; what it announces goes out once that commits, and nothing if it
     * rolls back. A recipient's click may meet a bounce for the same address: a deadlock's victim runs again.
     */
    inTransaction: async <T>(work: (trx: Knex.Transaction, announce: Announce) => Promise<T>): Promise<T> =>
      retryDeadlocks(() =>
        strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) =>
          work(trx, ([name, payload]) => root.announce.after(trx.executionPromise, () => root.announce(name, payload as never)))
        )
      ),

    resubscribe(trx: Knex.Transaction, contactId: number, source: string, ip: string | null) {
      const consent: ContactConsent = { source, at: new Date().toISOString(), ip };
      return root.signal({ type: 'resubscribe', contactIds: [contactId], consent, origin: 'recipient' }, trx);
    },
  };
};

export type RecipientRecords = ReturnType<typeof createRecipientRecords>;
