import type { Knex } from 'knex';
import { TABLES } from '../../constants';

const S = TABLES.sends;

const parse = (raw: unknown): Record<string, string> => (raw == null ? {} : (JSON.parse(String(raw)) as Record<string, string>));

/** The entries blocks a send froze, on its record in `campaigns_sends` (migrations/013-frozen-entries.ts). */
export const frozenBlocks = (knex: Knex) => ({
  /** Null when the campaign has no send record (it never started). */
  async read(campaignId: number): Promise<{ raw: string | null; fragments: Record<string, string> } | null> {
    const row = (await knex(S).select('entries_blocks').where({ campaign_id: campaignId }).first()) as
      { entries_blocks: unknown } | undefined;
    if (!row) return null;
    const raw = row.entries_blocks == null ? null : String(row.entries_blocks);
    return { raw, fragments: parse(raw) };
  },

  /** Written in the transaction that starts the send, after its record (send-records.ts `begin`). */
  async freeze(trx: Knex, campaignId: number, fragments: Record<string, string>) {
    await trx(S)
      .where({ campaign_id: campaignId })
      .update({ entries_blocks: Object.keys(fragments).length ? JSON.stringify(fragments) : null });
  },

  /**
   * Adds blocks resolved after the start (edited while paused), unless another process changed the
   * value first (the value read is compared): the caller reads again and uses what is stored.
   */
  async add(campaignId: number, read: string | null, added: Record<string, string>) {
    const query = knex(S).where({ campaign_id: campaignId });
    await (read === null ? query.whereNull('entries_blocks') : query.where('entries_blocks', read)).update({
      entries_blocks: JSON.stringify({ ...parse(read), ...added }),
    });
  },
});

export type FrozenBlocks = ReturnType<typeof frozenBlocks>;
