import { adminApi, useFetchClient } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../shared/contracts/campaigns';
import type {
  ExportSuppressionsQuery,
  ListSuppressionRemovalsQuery,
  ListSuppressionsQuery,
  Suppression,
  SuppressionBatchResult,
  SuppressionRemoval,
  SuppressionTargetInput,
} from '../../../shared/contracts/suppressions';
import { fileNameOf } from '../download';
import { PLUGIN_ID } from '../pluginId';
import { LIST, SUPPRESSION_TAG, SUPPRESSION_TAGS, tag } from './tags';

const base = `/${PLUGIN_ID}/suppressions`;

const REMOVALS = 'REMOVALS';

const suppressionsApi = adminApi.enhanceEndpoints({ addTagTypes: SUPPRESSION_TAGS }).injectEndpoints({
  endpoints: (build) => ({
    getSuppressions: build.query<ListResponse<Suppression>, ListSuppressionsQuery>({
      query: (params) => ({ url: base, method: 'GET', config: { params } }),
      providesTags: [tag(SUPPRESSION_TAG, LIST)],
    }),
    getSuppressionRemovals: build.query<ListResponse<SuppressionRemoval>, ListSuppressionRemovalsQuery>({
      query: (params) => ({ url: `${base}/removals`, method: 'GET', config: { params } }),
      providesTags: [tag(SUPPRESSION_TAG, REMOVALS)],
    }),
    addSuppression: build.mutation<Suppression, SuppressionTargetInput & { email: string }>({
      query: (data) => ({ url: base, method: 'POST', data: { data } }),
      transformResponse: (response: { data: Suppression }) => response.data,
      invalidatesTags: [tag(SUPPRESSION_TAG, LIST)],
    }),
    addSuppressions: build.mutation<SuppressionBatchResult, SuppressionTargetInput & { addresses: string }>({
      query: (data) => ({ url: `${base}/bulk`, method: 'POST', data: { data } }),
      transformResponse: (response: { data: SuppressionBatchResult }) => response.data,
      invalidatesTags: [tag(SUPPRESSION_TAG, LIST)],
    }),
    importSuppressions: build.mutation<SuppressionBatchResult, { file: File; options: SuppressionTargetInput }>({
      query: ({ file, options }) => {
        const form = new FormData();
        form.append('file', file, file.name);
        form.append('options', JSON.stringify(options));
        return { url: `${base}/import`, method: 'POST', data: form };
      },
      transformResponse: (response: { data: SuppressionBatchResult }) => response.data,
      invalidatesTags: [tag(SUPPRESSION_TAG, LIST)],
    }),
    removeSuppression: build.mutation<{ documentId: string }, { documentId: string; note: string }>({
      query: ({ documentId, note }) => ({ url: `${base}/${documentId}/remove`, method: 'POST', data: { data: { note } } }),
      transformResponse: (response: { data: { documentId: string } }) => response.data,
      invalidatesTags: [tag(SUPPRESSION_TAG, LIST), tag(SUPPRESSION_TAG, REMOVALS)],
    }),
  }),
});

export const {
  useGetSuppressionsQuery,
  useGetSuppressionRemovalsQuery,
  useAddSuppressionMutation,
  useAddSuppressionsMutation,
  useImportSuppressionsMutation,
  useRemoveSuppressionMutation,
} = suppressionsApi;

/** The filtered suppressions as the server's CSV (formula-safe), downloaded with the admin's session. */
export const useExportSuppressions = () => {
  const { get } = useFetchClient();
  return (query: ExportSuppressionsQuery) =>
    get<Blob>(`${base}/export`, { params: query, responseType: 'blob' }).then((r) => ({
      blob: r.data,
      fileName: fileNameOf(r.headers, 'suppressions.csv'),
    }));
};
