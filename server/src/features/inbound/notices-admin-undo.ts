import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { ContactState } from '../../../../shared/contracts/contacts';
import { UNDOABLE_ACTIONS } from '../../../../shared/contracts/inbound';
import type { ContactSignal } from '../../contact-signals/apply-signal';
import type { SignalTables } from '../../contact-signals/tables';
import { TABLES } from '../../constants';
import type { SuppressionReason } from '../../../../shared/contracts/suppressions';
import { hashEmail } from '../../validation/email';

type UndoableAction = (typeof UNDOABLE_ACTIONS)[number];

/** What each undoable action did: the suppression reasons it wrote, and the state it put its contact in. */
const UNDONE: Record<UndoableAction, { reasons: SuppressionReason[]; contactState: ContactState }> = {
  suppressed: { reasons: ['hard-bounce', 'soft-bounce-limit'], contactState: 'bounced' },
  complained: { reasons: ['complaint'], contactState: 'complained' },
};

export interface UndoDependencies {
  /** Runs the undo in one transaction: the notice, its address's suppressions and its contact change together or not at all. */
  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T>;
  tables: Pick<SignalTables, 'contacts' | 'contactColumns' | 'suppressions' | 'suppressionColumns'> & { suppressionNote: string };
  /** The one contact signal path, in the undo's transaction. */
  signal(signal: ContactSignal, trx: Knex.Transaction): Promise<number>;
  now?: () => Date;
}

export interface UndoOutcome {
  lifted: number;
  /** The contact's state after the undo; null when the notice matched no contact, or it is gone. */
  contactState: ContactState | null;
}

const when = (epoch: unknown) => new Date(Number(epoch)).toISOString();

/**
 * Undoes a wrong suppression an inbound notice made. The notice is claimed first with a
 * conditional UPDATE (not undone yet, an undoable action), so of two admins clicking at once one
 * undoes it and the other gets a 400. Then the address's active global suppressions of the kind
 * the notice wrote are lifted (expired now, with a note: the row stays as the record), and a
 * contact still in the state the notice put it in comes back through the contact signal path (a
 * forced resubscribe: the admin's decision) when nothing else holds its address, or goes to
 * `unsubscribed` when only the person's own unsubscribe does: an undone complaint never
 * resubscribes someone who had unsubscribed. Any other suppression left keeps the contact as it is.
 */
export const undoNotice =
  (deps: UndoDependencies) =>
  async (id: number, undoneBy: string): Promise<UndoOutcome> => {
    const now = (deps.now ?? (() => new Date()))();
    return deps.transaction(async (trx) => {
      const row = await trx(TABLES.inboundNotices).where({ id }).first();
      if (!row) throw new errors.NotFoundError(`No inbound notice with id ${id}`);
      if (row.undone_at !== null) {
        throw new errors.ValidationError(
          `Notice ${id} was already undone${row.undone_by ? ` by ${row.undone_by}` : ''} on ${when(row.undone_at)}`
        );
      }
      const undone = UNDONE[row.action as UndoableAction];
      if (!undone || !row.email) {
        throw new errors.ValidationError(`Notice ${id} suppressed nothing (its action was "${row.action}"): there is nothing to undo`);
      }
      const claimed = await trx(TABLES.inboundNotices)
        .where({ id, action: row.action })
        .whereNull('undone_at')
        .update({ action: 'undone', undone_at: now.getTime(), undone_by: undoneBy });
      if (claimed !== 1) throw new errors.ValidationError(`Notice ${id} was undone by someone else meanwhile`);

      const { tables } = deps;
      const s = tables.suppressionColumns;
      const active = () =>
        trx(tables.suppressions)
          .where(s.emailHash, hashEmail(row.email))
          .where(s.scope, 'global')
          .where((q) => q.whereNull(s.expiresAt).orWhere(s.expiresAt, '>', now));
      const lifted = await active()
        .whereIn(s.reason, undone.reasons)
        .update({
          [s.expiresAt]: now,
          [s.updatedAt]: now,
          [tables.suppressionNote]: `Lifted by ${undoneBy} on ${now.toISOString()}: inbound notice ${id} was undone`,
        });

      if (row.contact_id === null) return { lifted, contactState: null };
      const contactId = Number(row.contact_id);
      const stateOf = async (): Promise<ContactState | null> =>
        (await trx(tables.contacts).select(tables.contactColumns.state).where({ id: contactId }).first())?.[tables.contactColumns.state] ??
        null;
      if ((await stateOf()) === undone.contactState) {
        const holding: SuppressionReason[] = (await active().select(s.reason)).map((r: Record<string, SuppressionReason>) => r[s.reason]);
        // Back to subscribed when nothing else holds the address; to unsubscribed when only the person's own unsubscribe does.
        if (holding.every((reason) => reason === 'unsubscribe')) {
          await deps.signal({ type: 'resubscribe', contactIds: [contactId], force: true, origin: 'admin' }, trx);
          if (holding.length) await deps.signal({ type: 'unsubscribe', contactIds: [contactId], origin: 'admin' }, trx);
        }
      }
      return { lifted, contactState: await stateOf() };
    });
  };
