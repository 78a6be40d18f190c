import type { Core } from '@strapi/strapi';
import { afterCommit } from './after-commit';
import { sourceIdOf, type SourceEntry } from './mapping';
import type { Mirror } from './mirror';
import type { AudienceSource } from './resolve';
import type { Runner } from './runner';

/** A bulk update or delete touching more rows than this is not mirrored (the backfill is the remedy). */
const BULK_LIMIT = 10_000;
const PAGE = 500;

interface LifecycleEvent {
  model: { uid: string };
  params: { where?: unknown; filters?: unknown; _q?: string; data?: unknown };
  result?: unknown;
  state: Record<string, unknown>;
}

type Hook = (event: LifecycleEvent) => Promise<void>;

/**
 * Mirrors writes to the source content types through the query engine's lifecycles
 * (`strapi.db.lifecycles.subscribe`), not document service middleware: users-permissions writes
 * users with `strapi.db.query` where it matters (a sign-up through a login provider creates the
 * user, `DELETE /api/users/:id` deletes it, deleting a role moves its users), and every document
 * service write (Content Manager, `/api/auth/local/register`, `user.add`) reaches the query engine
 * too. Lifecycles fire per row and inside the writer's transaction, so each hook only notes which
 * documents changed; the contacts are written after the commit (see after-commit.ts), one
 * document at a time (runner.ts), from the committed rows (mirror.ts).
 */
export const subscribeMirror = (strapi: Core.Strapi, sources: readonly AudienceSource[], mirror: Mirror, runner: Runner) => {
  const byUid = new Map(sources.map((source) => [source.uid, source]));
  const sourceOf = (event: LifecycleEvent) => byUid.get(event.model.uid) as AudienceSource;

  const fail = (source: AudienceSource, what: string, error: unknown) =>
    strapi.log.error(`campaigns: audience source ${source.uid}: ${what} not mirrored: ${(error as Error).message}`);

  const sync = (source: AudienceSource, sourceId: string) =>
    runner.run(() => mirror.syncDocument(source, sourceId)).catch((error) => fail(source, `entry ${sourceId}`, error));

  /** Schedules the sync of these documents for after the commit. */
  const scheduleSync = (source: AudienceSource, sourceIds: Array<string | undefined>) =>
    afterCommit(strapi, () => {
      for (const sourceId of new Set(sourceIds)) if (sourceId) void sync(source, sourceId);
    });

  /** A hook that never throws into the source's write. */
  const guard =
    (what: string, hook: (source: AudienceSource, event: LifecycleEvent) => Promise<void>): Hook =>
    async (event) => {
      const source = sourceOf(event);
      try {
        await hook(source, event);
      } catch (error) {
        fail(source, what, error);
      }
    };

  /** Whether an update can change the contact: it writes the email, a mapped field, or a publication state. */
  const touchesMirror = (source: AudienceSource, data: unknown) =>
    !data || typeof data !== 'object' || source.select.some((field) => field in data);

  /** The rows a bulk update or delete is about to touch, read inside its transaction before it runs. */
  const captureRows = async (source: AudienceSource, event: LifecycleEvent) => {
    const { where, filters, _q } = event.params;
    const rows: Array<{ id: number; documentId?: string | null }> = await strapi.db
      .query(source.uid)
      .findMany({ where, filters, _q, select: ['id', 'documentId'], limit: BULK_LIMIT + 1 });
    if (rows.length > BULK_LIMIT) {
      strapi.log.warn(
        `campaigns: audience source ${source.uid}: a bulk write of more than ${BULK_LIMIT} entries is not mirrored; run strapi-campaigns-backfill afterwards`
      );
      return;
    }
    event.state.sourceIds = rows.map(sourceIdOf);
  };

  const capturedIds = (event: LifecycleEvent) => (event.state.sourceIds as Array<string | undefined> | undefined) ?? [];

  return strapi.db.lifecycles.subscribe({
    models: [...byUid.keys()],

    afterCreate: guard('a created entry', (source, event) => scheduleSync(source, [sourceIdOf(event.result as SourceEntry | null)])),

    afterUpdate: guard('an updated entry', async (source, event) => {
      if (touchesMirror(source, event.params.data)) await scheduleSync(source, [sourceIdOf(event.result as SourceEntry | null)]);
    }),

    // The deleted row's documentId is read before the delete: the row the after-hook gets holds
    // only what the caller selected.
    beforeDelete: guard('a deleted entry', async (source, event) => {
      const row = await strapi.db.query(source.uid).findOne({ where: event.params.where, select: ['id', 'documentId'] });
      event.state.sourceIds = row ? [sourceIdOf(row)] : [];
    }),
    afterDelete: guard('a deleted entry', (source, event) => scheduleSync(source, capturedIds(event))),

    // createMany answers only a count (and ids on PostgreSQL alone): mirror every row above the
    // highest id seen before the insert. Rows others inserted meanwhile get synced too, harmlessly.
    beforeCreateMany: guard('created entries', async (source, event) => {
      const last = await strapi.db.query(source.uid).findOne({ select: ['id'], orderBy: { id: 'desc' } });
      event.state.afterId = last?.id ?? 0;
    }),
    afterCreateMany: guard('created entries', (source, event) =>
      afterCommit(strapi, () => {
        void runner
          .run(async () => {
            for (let afterId = Number(event.state.afterId); ;) {
              const rows: Array<{ id: number; documentId?: string | null }> = await strapi.db
                .query(source.uid)
                .findMany({ where: { id: { $gt: afterId } }, select: ['id', 'documentId'], orderBy: { id: 'asc' }, limit: PAGE });
              for (const row of rows) void sync(source, sourceIdOf(row) as string);
              if (rows.length < PAGE) return;
              afterId = rows[rows.length - 1].id;
            }
          })
          .catch((error) => fail(source, 'created entries', error));
      })
    ),

    beforeUpdateMany: guard('updated entries', async (source, event) => {
      if (touchesMirror(source, event.params.data)) await captureRows(source, event);
    }),
    afterUpdateMany: guard('updated entries', (source, event) => scheduleSync(source, capturedIds(event))),

    beforeDeleteMany: guard('deleted entries', (source, event) => captureRows(source, event)),
    afterDeleteMany: guard('deleted entries', (source, event) => scheduleSync(source, capturedIds(event))),
  });
};
