import type { Knex } from 'knex';
import { TABLES } from '../../../constants';
import type { Checkpoint } from './scan-plan';

/** Where each mailbox's scan has got to, kept across restarts (one row per mailbox name). */
export interface CheckpointStore {
  read(mailbox: string): Promise<Checkpoint | null>;
  write(mailbox: string, checkpoint: Checkpoint): Promise<void>;
}

interface CheckpointRow {
  uid_validity: number | string;
  last_uid: number | string;
}

/** The checkpoints in `campaigns_mailbox_checkpoints` (PostgreSQL answers BIGINT as a string). */
export const checkpointStore = (knex: Knex): CheckpointStore => ({
  async read(mailbox) {
    const row: CheckpointRow | undefined = await knex(TABLES.mailboxCheckpoints).where({ mailbox }).first('uid_validity', 'last_uid');
    return row ? { uidValidity: Number(row.uid_validity), lastUid: Number(row.last_uid) } : null;
  },
  async write(mailbox, { uidValidity, lastUid }) {
    await knex(TABLES.mailboxCheckpoints)
      .insert({ mailbox, uid_validity: uidValidity, last_uid: lastUid, updated_at: Date.now() })
      .onConflict('mailbox')
      .merge(['uid_validity', 'last_uid', 'updated_at']);
  },
});
