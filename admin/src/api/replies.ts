import { adminApi } from '@strapi/strapi/admin';
import type { GetCampaignReplyCounts, GetReplies, GetReply, ListRepliesQuery, MarkReplyHandled } from '../../../shared/contracts/replies';
import { PLUGIN_ID } from '../pluginId';
import { LIST, REPLY_TAG, REPLY_TAGS, tag } from './tags';

const base = `/${PLUGIN_ID}/replies`;

/** Endpoint names are global on Strapi's shared adminApi: each says it is about replies. */
const repliesApi = adminApi.enhanceEndpoints({ addTagTypes: REPLY_TAGS }).injectEndpoints({
  endpoints: (build) => ({
    getReplies: build.query<GetReplies.Response, ListRepliesQuery>({
      query: (params) => ({ url: base, method: 'GET', config: { params } }),
      providesTags: (result) => [...(result?.data ?? []).map(({ id }) => tag(REPLY_TAG, id)), tag(REPLY_TAG, LIST)],
    }),
    getReply: build.query<GetReply.Response['data'], number>({
      query: (id) => ({ url: `${base}/${id}`, method: 'GET' }),
      transformResponse: (response: GetReply.Response) => response.data,
      providesTags: (_result, _error, id) => [tag(REPLY_TAG, id)],
    }),
    /** Marks a reply handled (`handled: false` reopens it): the inbox's lists and the counts are read again. */
    markReplyHandled: build.mutation<MarkReplyHandled.Response['data'], { id: number; handled: boolean }>({
      query: ({ id, handled }) => ({ url: `${base}/${id}/handled`, method: 'POST', data: { data: { handled } } }),
      transformResponse: (response: MarkReplyHandled.Response) => response.data,
      invalidatesTags: (_result, _error, { id }) => [tag(REPLY_TAG, id), tag(REPLY_TAG, LIST)],
    }),
    getCampaignReplyCounts: build.query<GetCampaignReplyCounts.Response['data'], string>({
      query: (documentId) => ({ url: `/${PLUGIN_ID}/campaigns/${documentId}/replies/counts`, method: 'GET' }),
      transformResponse: (response: GetCampaignReplyCounts.Response) => response.data,
      providesTags: (_result, _error, documentId) => [tag(REPLY_TAG, `counts:${documentId}`)],
    }),
  }),
});

export const { useGetRepliesQuery, useGetReplyQuery, useMarkReplyHandledMutation, useGetCampaignReplyCountsQuery } = repliesApi;
