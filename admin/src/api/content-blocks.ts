import { adminApi } from '@strapi/strapi/admin';
import type { GetContentBlockEntries, GetContentBlockTypes } from '../../../shared/contracts/content-blocks';
import { PLUGIN_ID } from '../pluginId';

const base = `/${PLUGIN_ID}/content-blocks`;

/**
 * The site's collection types and their entries, for the entries block. Not tagged: the site's
 * content changes outside the plugin, so each dialog opening asks again (`refetchOnMountOrArgChange`).
 */
const contentBlocksApi = adminApi.injectEndpoints({
  endpoints: (build) => ({
    getContentBlockTypes: build.query<GetContentBlockTypes.Response['data'], void>({
      query: () => `${base}/types`,
      transformResponse: (response: GetContentBlockTypes.Response) => response.data,
    }),
    getContentBlockEntries: build.query<GetContentBlockEntries.Response['data'], GetContentBlockEntries.Request['query']>({
      query: (params) => ({ url: `${base}/entries`, method: 'GET', config: { params } }),
      transformResponse: (response: GetContentBlockEntries.Response) => response.data,
    }),
  }),
});

export const { useGetContentBlockTypesQuery, useGetContentBlockEntriesQuery } = contentBlocksApi;
