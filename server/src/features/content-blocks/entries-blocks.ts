import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { expandFrozen, expandLive, type Expansion } from './expand';
import { frozenBlocks } from './frozen-store';
import { createEntriesResolver } from './resolver';
import { hasEntriesBlocks } from './tag';

/** Tries at most this many times to freeze blocks added while paused when other processes add theirs at once. */
const FREEZE_ATTEMPTS = 3;

/**
 * The entries blocks of campaigns, as the composition root hands them to the send flow: live
 * expansion for previews, tests, the pre-send check and a send's start; the start's result frozen
 * on its send record; the frozen expansion every later message of that send is compiled from.
 */
export const createEntriesBlocks = ({ strapi, publicUrl }: { strapi: Core.Strapi; publicUrl: () => string | null }) => {
  const resolver = createEntriesResolver({ strapi, publicUrl });
  const store = () => frozenBlocks(strapi.db.connection);

  return {
    resolver,

    /** Every block resolved now; a TemplateError naming the block when one cannot be. */
    expandLive: (content: string): Promise<Expansion> => expandLive(content, resolver),

    /** Keeps a starting send's expansion on its record, in the transaction that writes the record. */
    async freeze(trx: Knex, campaignId: number, expansion: Expansion) {
      await store().freeze(trx, campaignId, expansion.fragments);
      for (const note of expansion.notes) strapi.log.warn(`campaigns: campaign ${campaignId} sends without some entries: ${note}`);
    },

    /**
     * The content a send's messages are compiled from: its blocks as the start froze them. A
     * campaign with no send record (never started) is expanded live and nothing is kept.
     */
    async frozenContent(campaignId: number, content: string | null): Promise<string | null> {
      if (!content || !hasEntriesBlocks(content)) return content;
      for (let attempt = 1; ; attempt += 1) {
        const read = await store().read(campaignId);
        if (!read) return (await expandLive(content, resolver)).content;
        const expanded = await expandFrozen(content, read.fragments, resolver);
        if (!Object.keys(expanded.added).length || attempt === FREEZE_ATTEMPTS) return expanded.content;
        await store().add(campaignId, read.raw, expanded.added);
      }
    },
  };
};

export type EntriesBlocks = ReturnType<typeof createEntriesBlocks>;
