import type { Core } from '@strapi/strapi';
import { sourceIdOf, type Mirror, type MirrorOutcome, type SourceEntry } from './mirror';
import type { AudienceSource } from './resolve';
import type { Runner } from './runner';

export interface BackfillCounts {
  /** Source rows read. */
  scanned: number;
  created: number;
  updated: number;
  /** Contacts that existed with the entry's address and are now linked to it. */
  linked: number;
  /** Entries with no usable address, or whose address belongs to another source's contact. */
  skipped: number;
  /** Linked contacts whose entry is gone, deleted or unsubscribed (option mirrorDeletes). */
  removed: number;
}

export const emptyCounts = (): BackfillCounts => ({ scanned: 0, created: 0, updated: 0, linked: 0, skipped: 0, removed: 0 });

const BATCH = 500;

/**
 * Mirrors every entry of one source, then removes the links of entries that no longer exist.
 * Both passes page by id (keyset), one batch in memory at a time; every entry goes through the
 * same sync as a live write, so a second run finds nothing to change.
 */
export const backfillSource = async (strapi: Core.Strapi, source: AudienceSource, mirror: Mirror, runner: Runner): Promise<BackfillCounts> => {
  const counts = emptyCounts();
  const tally = (outcome: MirrorOutcome) => {
    if (outcome !== 'unchanged') counts[outcome] += 1;
  };
  const sync = (sourceId: string, known?: SourceEntry) => runner.run(() => mirror.syncDocument(source, sourceId, known));

  for (let afterId = 0; ; ) {
    const rows: SourceEntry[] = await strapi.db
      .query(source.uid)
      .findMany({ where: { id: { $gt: afterId } }, select: source.select, orderBy: { id: 'asc' }, limit: BATCH });
    // A draft & publish or localized document has several rows; one sync covers them all.
    const synced = new Set<string>();
    for (const row of rows) {
      counts.scanned += 1;
      const sourceId = sourceIdOf(row) as string;
      if (synced.has(sourceId)) continue;
      synced.add(sourceId);
      tally(await sync(sourceId, row));
    }
    if (rows.length < BATCH) break;
    afterId = rows[rows.length - 1].id;
  }

  for (let afterId = 0; ; ) {
    const linked = await mirror.linkedContacts(source, afterId, BATCH);
    const ids = linked.map((contact) => contact.sourceId);
    if (!ids.length) break;
    const found: Array<{ documentId: string }> = await strapi.db
      .query(source.uid)
      .findMany({ where: { documentId: { $in: ids } }, select: ['documentId'] });
    const present = new Set(found.map((row) => row.documentId));
    for (const sourceId of ids) if (!present.has(sourceId)) tally(await sync(sourceId));
    if (linked.length < BATCH) break;
    afterId = linked[linked.length - 1].id;
  }
  return counts;
};
