import { adminApi } from '@strapi/strapi/admin';
import type {
  CountAudience,
  CreateSegment,
  GetRuleChoices,
  GetSegment,
  GetSegments,
  PreviewAudience,
  UpdateSegment,
} from '../../../shared/contracts/segments';
import { PLUGIN_ID } from '../pluginId';
import { CAMPAIGN_TAG, LIST, SEGMENT_TAG } from './tags';

const base = `/${PLUGIN_ID}/segments`;

/** Every segment, by name: the list page and the campaign editor's picker. */
const ALL_SEGMENTS: GetSegments.Request['query'] = { pageSize: 100, sort: 'name:asc' };

/** Campaign lists and pages show their segment's name: a segment's save refreshes them too. */
const segmentsApi = adminApi.enhanceEndpoints({ addTagTypes: [SEGMENT_TAG, CAMPAIGN_TAG] }).injectEndpoints({
  endpoints: (build) => ({
    getSegments: build.query<GetSegments.Response, void>({
      query: () => ({ url: base, method: 'GET', config: { params: ALL_SEGMENTS } }),
      providesTags: (result) => [
        ...(result?.data.map(({ documentId }) => ({ type: SEGMENT_TAG, id: documentId }) as const) ?? []),
        { type: SEGMENT_TAG, id: LIST },
      ],
    }),
    getSegment: build.query<GetSegment.Response['data'], GetSegment.Request['params']['documentId']>({
      query: (documentId) => `${base}/${documentId}`,
      transformResponse: (response: GetSegment.Response) => response.data,
      providesTags: (_result, _error, documentId) => [{ type: SEGMENT_TAG, id: documentId }],
    }),
    createSegment: build.mutation<CreateSegment.Response['data'], CreateSegment.Request['body']['data']>({
      query: (data) => ({ url: base, method: 'POST', data: { data } }),
      transformResponse: (response: CreateSegment.Response) => response.data,
      invalidatesTags: [{ type: SEGMENT_TAG, id: LIST }],
    }),
    updateSegment: build.mutation<
      UpdateSegment.Response['data'],
      UpdateSegment.Request['params'] & { data: UpdateSegment.Request['body']['data'] }
    >({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}`, method: 'PUT', data: { data } }),
      transformResponse: (response: UpdateSegment.Response) => response.data,
      invalidatesTags: (_result, error, { documentId }) =>
        error
          ? []
          : [
              { type: SEGMENT_TAG, id: documentId },
              { type: SEGMENT_TAG, id: LIST },
              { type: CAMPAIGN_TAG, id: LIST },
            ],
    }),
    /** Counting and previewing change nothing: queries (POSTs, for the rule tree), cached by their rules. */
    countAudience: build.query<number, CountAudience.Request['body']['data']['rules']>({
      query: (rules) => ({ url: `${base}/count`, method: 'POST', data: { data: { rules } } }),
      transformResponse: (response: CountAudience.Response) => response.data.count,
    }),
    previewAudience: build.query<PreviewAudience.Response['data'], PreviewAudience.Request['body']['data']['rules']>({
      query: (rules) => ({ url: `${base}/preview`, method: 'POST', data: { data: { rules } } }),
      transformResponse: (response: PreviewAudience.Response) => response.data,
    }),
    getRuleChoices: build.query<GetRuleChoices.Response['data'], string[]>({
      query: (include) => ({
        url: `${base}/choices`,
        method: 'GET',
        config: { params: include.length ? { include: include.join(',') } : {} },
      }),
      transformResponse: (response: GetRuleChoices.Response) => response.data,
      providesTags: [{ type: CAMPAIGN_TAG, id: LIST }],
    }),
  }),
});

export const {
  useGetSegmentsQuery,
  useGetSegmentQuery,
  useCreateSegmentMutation,
  useUpdateSegmentMutation,
  useCountAudienceQuery,
  usePreviewAudienceQuery,
  useGetRuleChoicesQuery,
} = segmentsApi;
