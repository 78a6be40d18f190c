import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { ContentBlockEntry, ContentBlockType } from '../../../../shared/contracts/content-blocks';
import { rootOf } from '../../composition/accessor';
import { fieldError, parseOrThrow } from '../../validation/errors';

const entriesQuery = z.object({
  type: z.string().min(1, 'name a collection type, such as api::article.article').max(200),
  q: z.string().max(200).optional(),
});

/** What the editor's block picker asks: the site's collection types and their entries. */
const createContentBlocksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { resolver } = rootOf(strapi).entriesBlocks;
  return {
    types: (): ContentBlockType[] => resolver.types(),

    /** Up to 20 published entries of a site type whose label holds `q`; a 400 for any other type. */
    async entries(query: unknown): Promise<ContentBlockEntry[]> {
      const { type, q } = parseOrThrow(entriesQuery, query, 'query');
      if (!resolver.types().some((t) => t.uid === type)) {
        throw fieldError('query', 'type', `"${type}" is not a collection type of this site (an api:: type)`);
      }
      return resolver.search(type, q?.trim() ?? '');
    },
  };
};

export type ContentBlocksService = ReturnType<typeof createContentBlocksService>;
export default createContentBlocksService;
