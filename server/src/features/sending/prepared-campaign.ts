import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { FontSettings } from '../../../../shared/contracts/site-settings';
import { compileContent, type CompiledContent } from '../../content/compile';
import { SYSTEM_FONTS } from '../../content/fonts';
import type { TemplateCampaign } from '../../content/render';
import { TABLES, type CampaignState } from '../../constants';

/** The campaign fields the send flow reads, straight from its row. */
export interface CampaignRow {
  id: number;
  documentId: string;
  name: string;
  subject: string | null;
  preheader: string | null;
  fromName: string | null;
  fromEmail: string | null;
  replyTo: string | null;
  content: string | null;
  plainText: string | null;
  state: CampaignState;
  updatedAt: string;
  /** The campaign's topic (row id), where the send flow reads it: its topic-scoped suppressions keep addresses out, as global ones do. */
  topicId?: number | null;
}

/** A campaign compiled for sending: templates, the ids of its tracked links by template key. */
export interface PreparedCampaign {
  /** The campaign as this message is made of it: a variant's fields in place of the campaign's. */
  row: CampaignRow;
  /** The A/B variant's key ('': the campaign's own message); its links are recorded under it. */
  variant: string;
  content: CompiledContent;
  linkIds: Record<string, number>;
  templateCampaign: TemplateCampaign;
}

const L = TABLES.links;
const urlHash = (url: string) => createHash('sha256').update(url).digest('hex');

/**
 * Records the links of a campaign's message, or of one of its A/B variants (once: the unique index
 * ignores a second insert), and answers their ids by key. Each variant has links of its own, so a
 * click counts for the variant its message was.
 */
export const recordLinks = async (knex: Knex, campaignId: number, variant: string, links: CompiledContent['links'], now: number) => {
  if (!links.length) return {};
  await knex(L)
    .insert(
      links.map((link, position) => ({
        campaign_id: campaignId,
        variant,
        url_hash: urlHash(link.url),
        url: link.url,
        position,
        created_at: now,
      }))
    )
    .onConflict(['campaign_id', 'variant', 'url_hash'])
    .ignore();
  const rows: Array<{ id: number; url_hash: string }> = await knex(L)
    .select('id', 'url_hash')
    .where({ campaign_id: campaignId, variant })
    .whereIn(
      'url_hash',
      links.map((l) => urlHash(l.url))
    );
  const idByHash = new Map(rows.map((r) => [r.url_hash, Number(r.id)]));
  return Object.fromEntries(links.map((l) => [l.key, idByHash.get(urlHash(l.url))!]));
};

export const templateCampaignOf = (row: CampaignRow): TemplateCampaign => ({
  name: row.name,
  subject: row.subject,
  fromName: row.fromName,
  fromEmail: row.fromEmail,
});

/**
 * Compiles each campaign (and each of its A/B variants) once per process and version: MJML is the expensive step (tens of ms),
 * Liquid per recipient the cheap one. A campaign edited while paused has a new updatedAt, so the
 * next job compiles it again; so does a change of the site's fonts (SiteSettings.fonts, read
 * through its short cache), which every message of the campaign sent after it follows.
 * `expand`: the content with its entries blocks as the send's start froze them (features/content-blocks);
 * `publicUrl`: the plugin's, where the message's social icons are taken from.
 */
export const createCampaignCache = (
  knex: Knex,
  {
    fonts = async () => SYSTEM_FONTS,
    expand = async (row) => row.content,
    publicUrl,
  }: {
    fonts?: () => Promise<FontSettings>;
    expand?: (row: CampaignRow) => Promise<string | null>;
    publicUrl?: string | null;
  } = {}
) => {
  const cache = new Map<string, { version: string; prepared: Promise<PreparedCampaign> }>();
  return {
    /** `variant`: an A/B variant of the campaign, whose fields `variantRow` already put in `row`. */
    async get(row: CampaignRow, variant = ''): Promise<PreparedCampaign> {
      const siteFonts = await fonts();
      // A variant's fields are part of its version: they are fixed once its test starts, but a campaign's are not before.
      const version = `${String(row.updatedAt)} ${JSON.stringify(siteFonts)} ${variant && JSON.stringify(row)}`;
      const key = `${row.id}:${variant}`;
      const hit = cache.get(key);
      if (hit && hit.version === version) return hit.prepared;
      const prepared = (async () => {
        const content = await compileContent({ ...row, content: await expand(row) }, { fonts: siteFonts, publicUrl });
        const linkIds = await recordLinks(knex, row.id, variant, content.links, Date.now());
        return { row, variant, content, linkIds, templateCampaign: templateCampaignOf(row) };
      })();
      prepared.catch(() => cache.delete(key));
      cache.set(key, { version, prepared });
      return prepared;
    },
  };
};

export type CampaignCache = ReturnType<typeof createCampaignCache>;
