import { adminApi } from '@strapi/strapi/admin';
import type {
  GetInboundNotice,
  GetInboundNotices,
  GetInboundRates,
  ListInboundNoticesQuery,
  UndoInboundNotice,
} from '../../../shared/contracts/inbound';
import { PLUGIN_ID } from '../pluginId';
import { CONTACT_TAG, INBOUND_NOTICE_TAG, INBOUND_TAGS, LIST, tag } from './tags';

const base = `/${PLUGIN_ID}/inbound`;

/** Endpoint names are global on Strapi's shared adminApi: each says it is about inbound notices. */
const inboundApi = adminApi.enhanceEndpoints({ addTagTypes: INBOUND_TAGS }).injectEndpoints({
  endpoints: (build) => ({
    getInboundNotices: build.query<GetInboundNotices.Response, ListInboundNoticesQuery>({
      query: (params) => ({ url: `${base}/notices`, method: 'GET', config: { params } }),
      providesTags: (result) => [...(result?.data ?? []).map(({ id }) => tag(INBOUND_NOTICE_TAG, id)), tag(INBOUND_NOTICE_TAG, LIST)],
    }),
    getInboundNotice: build.query<GetInboundNotice.Response['data'], number>({
      query: (id) => ({ url: `${base}/notices/${id}`, method: 'GET' }),
      transformResponse: (response: GetInboundNotice.Response) => response.data,
      providesTags: (_result, _error, id) => [tag(INBOUND_NOTICE_TAG, id)],
    }),
    /** Lifts the suppression the notice made and brings its contact back. */
    undoInboundNotice: build.mutation<UndoInboundNotice.Response['data'], number>({
      query: (id) => ({ url: `${base}/notices/${id}/undo`, method: 'POST' }),
      transformResponse: (response: UndoInboundNotice.Response) => response.data,
      invalidatesTags: (_result, _error, id) => [tag(INBOUND_NOTICE_TAG, id), tag(INBOUND_NOTICE_TAG, LIST), tag(CONTACT_TAG, LIST)],
    }),
    getInboundRates: build.query<GetInboundRates.Response['data'], void>({
      query: () => ({ url: `${base}/rates`, method: 'GET' }),
      transformResponse: (response: GetInboundRates.Response) => response.data,
    }),
  }),
});

export const { useGetInboundNoticesQuery, useGetInboundNoticeQuery, useUndoInboundNoticeMutation, useGetInboundRatesQuery } = inboundApi;
