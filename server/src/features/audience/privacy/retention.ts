import type { Knex } from 'knex';
import { TABLES } from '../../../constants';

const DAY_MS = 86_400_000;
/** Rows per DELETE: short transactions that never hold the events table for long. */
export const RETENTION_CHUNK = 1000;
/** Chunks per run: a large backlog is worked off over several runs rather than in one long job. */
export const RETENTION_CHUNKS_PER_RUN = 50;

export interface RetentionOptions {
  knex: Knex;
  /** The editor's `retention.rawEventDays`, read at each run (SiteSettings, cached a few seconds). */
  rawEventDays(): Promise<number | null>;
  chunk?: number;
  chunksPerRun?: number;
}

export interface RetentionRun {
  /** Events that occurred before this time were deleted (epoch ms); null: retention is off. */
  cutoff: number | null;
  deleted: number;
  /** Whether more old events are left for the next run. */
  more: boolean;
}

/**
 * Deletes raw delivery events (campaigns_events) that occurred more than `rawEventDays` days ago,
 * oldest first, in bounded chunks (by the occurred_at index of migration 008). Rollups, the
 * deliveries' first-open/click/reply times and suppressions are other tables and stay, so
 * campaign results and engagement segments do not change; a contact's activity loses those rows.
 */
export const createRetention = ({
  knex,
  rawEventDays,
  chunk = RETENTION_CHUNK,
  chunksPerRun = RETENTION_CHUNKS_PER_RUN,
}: RetentionOptions) => ({
  async run(now = Date.now()): Promise<RetentionRun> {
    const days = await rawEventDays();
    if (days === null) return { cutoff: null, deleted: 0, more: false };
    const cutoff = now - days * DAY_MS;
    let deleted = 0;
    for (let round = 0; round < chunksPerRun; round += 1) {
      const ids = (
        (await knex(TABLES.events)
          .select('id')
          .where('occurred_at', '<', cutoff)
          .orderBy('occurred_at')
          .orderBy('id')
          .limit(chunk)) as Array<{ id: number }>
      ).map((row) => Number(row.id));
      if (!ids.length) return { cutoff, deleted, more: false };
      deleted += await knex(TABLES.events).whereIn('id', ids).delete();
      if (ids.length < chunk) return { cutoff, deleted, more: false };
    }
    return { cutoff, deleted, more: true };
  },
});

export type Retention = ReturnType<typeof createRetention>;
