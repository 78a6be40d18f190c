import type { Knex } from 'knex';
import { TABLES } from '../../constants';

export interface CachedLink {
  url: string;
  campaignId: number;
}

export interface LinkRow extends CachedLink {
  id: number;
}

export interface LinkCacheOptions {
  /** Every link of the campaign the link belongs to, in one read; none for an unknown link. */
  load(linkId: number): Promise<LinkRow[]>;
  /** Links (and unknown ids) kept at most; the oldest loaded go first. */
  maxEntries?: number;
  /** How long a loaded link is trusted: a deleted campaign's links stop answering after it. */
  ttlMs?: number;
  /** How long an unknown id stays unknown without asking the database again. */
  missTtlMs?: number;
  now?: () => number;
}

interface Entry {
  link: CachedLink | null;
  until: number;
}

/**
 * The click redirect's URLs, in process: a link's URL never changes once its campaign was sent, so
 * the redirect answers from memory, and a miss loads the whole campaign's links in one read (the
 * next links of the same message are then hits). Bounded: past maxEntries the oldest loaded go.
 */
export const createLinkCache = ({
  load,
  maxEntries = 100_000,
  ttlMs = 10 * 60_000,
  missTtlMs = 60_000,
  now = Date.now,
}: LinkCacheOptions) => {
  const entries = new Map<number, Entry>();
  const loading = new Map<number, Promise<CachedLink | null>>();

  const put = (id: number, link: CachedLink | null, until: number) => {
    entries.delete(id);
    entries.set(id, { link, until });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as number);
  };

  const fetchCampaign = async (linkId: number) => {
    const rows = await load(linkId);
    const at = now();
    for (const row of rows) put(row.id, { url: row.url, campaignId: row.campaignId }, at + ttlMs);
    const own = rows.find((row) => row.id === linkId);
    if (!own) put(linkId, null, at + missTtlMs);
    return own ? { url: own.url, campaignId: own.campaignId } : null;
  };

  return {
    /** The link when it is cached (null: known to be unknown); undefined when only the database can say. */
    peek(linkId: number): CachedLink | null | undefined {
      const entry = entries.get(linkId);
      if (!entry) return undefined;
      if (entry.until <= now()) {
        entries.delete(linkId);
        return undefined;
      }
      return entry.link;
    },

    /** The link, from memory or loaded with its campaign's (concurrent misses share one read). */
    async get(linkId: number): Promise<CachedLink | null> {
      const cached = this.peek(linkId);
      if (cached !== undefined) return cached;
      let pending = loading.get(linkId);
      if (!pending) {
        pending = fetchCampaign(linkId).finally(() => loading.delete(linkId));
        loading.set(linkId, pending);
      }
      return pending;
    },

    get size() {
      return entries.size;
    },
  };
};

export type LinkCache = ReturnType<typeof createLinkCache>;

/** One read: the links of the campaign that owns this one (none when it is unknown). */
export const campaignLinksOf =
  (knex: Knex) =>
  async (linkId: number): Promise<LinkRow[]> => {
    const rows: Array<{ id: unknown; url: unknown; campaign_id: unknown }> = await knex(TABLES.links)
      .select('id', 'url', 'campaign_id')
      .where('campaign_id', knex(TABLES.links).select('campaign_id').where('id', linkId));
    return rows.map((row) => ({ id: Number(row.id), url: String(row.url), campaignId: Number(row.campaign_id) }));
  };
