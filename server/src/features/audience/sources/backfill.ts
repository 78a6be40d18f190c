import type { Core } from '@strapi/strapi';
import type { BackfillCounts } from '../../../../../shared/contracts/settings';
import type { BatchMirror } from './batch-mirror';
import { sourceIdOf, type SourceEntry } from './mapping';
import type { Mirror, MirrorOutcome } from './mirror';
import type { AudienceSource } from './resolve';
import type { Runner } from './runner';

export const emptyCounts = (): BackfillCounts => ({ scanned: 0, created: 0, updated: 0, linked: 0, skipped: 0, removed: 0 });

const BATCH = 500;

/**
 * Mirrors every entry of one source, then removes the links of entries that no longer exist.
 * Both passes page by id (keyset), one batch in memory at a time. The first writes each page in
 * one transaction (batch-mirror.ts), taking the same decisions as a live sync of each entry, so a
 * second run finds nothing to change; a page that fails there (an address another process took
 * meanwhile, say) is mirrored again one entry at a time, as the live mirror does.
 */
export const backfillSource = async (
  strapi: Core.Strapi,
  source: AudienceSource,
  mirrors: { mirror: Mirror; batch: BatchMirror },
  runner: Runner
): Promise<BackfillCounts> => {
  const { mirror, batch } = mirrors;
  const counts = emptyCounts();
  const tally = (outcome: MirrorOutcome) => {
    if (outcome !== 'unchanged') counts[outcome] += 1;
  };
  const sync = (sourceId: string, known?: SourceEntry) => runner.run(() => mirror.syncDocument(source, sourceId, known));

  /** A page's entries one at a time; a document with several rows on the page is synced once. */
  const oneByOne = async (rows: readonly SourceEntry[]) => {
    const outcomes: MirrorOutcome[] = [];
    const synced = new Set<string>();
    for (const row of rows) {
      const sourceId = sourceIdOf(row) as string;
      if (synced.has(sourceId)) continue;
      synced.add(sourceId);
      outcomes.push(await mirror.syncDocument(source, sourceId, row));
    }
    return outcomes;
  };

  // Each page is one runner task: no live sync runs between its reads and its writes.
  const syncPage = (rows: readonly SourceEntry[]) =>
    runner.run(async () => {
      try {
        return await batch.syncPage(source, rows);
      } catch (error) {
        strapi.log.warn(
          `campaigns: backfill of ${source.uid}: a page of ${rows.length} entries failed as a batch (${(error as Error).message}); mirroring it one entry at a time`
        );
        return oneByOne(rows);
      }
    });

  for (let afterId = 0; ;) {
    const rows: SourceEntry[] = await strapi.db
      .query(source.uid)
      .findMany({ where: { id: { $gt: afterId } }, select: source.select, orderBy: { id: 'asc' }, limit: BATCH });
    counts.scanned += rows.length;
    if (rows.length) for (const outcome of await syncPage(rows)) tally(outcome);
    if (rows.length < BATCH) break;
    afterId = rows[rows.length - 1].id;
  }

  for (let afterId = 0; ;) {
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
