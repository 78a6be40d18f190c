import type { EntriesBlock } from './tag';
import { findEntriesBlocks, hasEntriesBlocks, replaceBlocks } from './tag';
import { renderEntries } from './render';

/** What expands a block: its MJML from the site's entries (resolver.ts), noting what it left out. */
export interface BlockSource {
  fragment(block: EntriesBlock, notes: string[]): Promise<string>;
}

/** A campaign content with its blocks expanded, each block's MJML by its source, and what was left out. */
export interface Expansion {
  content: string;
  fragments: Record<string, string>;
  notes: string[];
}

/** Every block resolved now (previews, tests, the pre-send check, a send's start). Content without blocks is returned as is. */
export const expandLive = async (content: string, source: BlockSource): Promise<Expansion> => {
  if (!hasEntriesBlocks(content)) return { content, fragments: {}, notes: [] };
  const blocks = findEntriesBlocks(content);
  const notes: string[] = [];
  const fragments: Record<string, string> = {};
  for (const block of blocks) fragments[block.source] ??= await source.fragment(block, notes);
  return {
    content: replaceBlocks(
      content,
      blocks,
      blocks.map((b) => fragments[b.source])
    ),
    fragments,
    notes,
  };
};

/**
 * The blocks as a send froze them: each block found in `frozen` (by its source) takes that MJML; a
 * block the editor added or changed while the send was paused is resolved now, and answered in
 * `added` so that it is frozen in turn.
 */
export const expandFrozen = async (content: string, frozen: Readonly<Record<string, string>>, source: BlockSource) => {
  const blocks = findEntriesBlocks(content);
  const added: Record<string, string> = {};
  const notes: string[] = [];
  for (const block of blocks) {
    if (!Object.hasOwn(frozen, block.source)) added[block.source] ??= await source.fragment(block, notes);
  }
  const fragmentOf = (block: EntriesBlock) => (Object.hasOwn(frozen, block.source) ? frozen[block.source] : added[block.source]);
  return { content: replaceBlocks(content, blocks, blocks.map(fragmentOf)), added };
};

const SAMPLE = {
  documentId: 'sample',
  title: 'Entry title',
  html: '<p>Entry text</p>',
  image: { url: 'https://example.com/image.png', alt: 'Entry image' },
  link: 'https://example.com/',
};

/**
 * The content as saving checks it, without reading any entry: each block checked and replaced by
 * the MJML of a sample entry, so the MJML check sees what the block will become where it stands.
 */
export const withSampleEntries = (content: string) => {
  if (!hasEntriesBlocks(content)) return content;
  const blocks = findEntriesBlocks(content);
  return replaceBlocks(
    content,
    blocks,
    blocks.map((block) => renderEntries(block.spec, block.place, block.spec.layout === 'cards' ? [SAMPLE, SAMPLE] : [SAMPLE]))
  );
};
