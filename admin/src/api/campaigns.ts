import { adminApi } from '@strapi/strapi/admin';
import type {
  CreateCampaign,
  DeleteCampaign,
  DuplicateCampaign,
  GetCampaign,
  GetCampaigns,
  UpdateCampaign,
} from '../../../shared/contracts/campaigns';
import { PLUGIN_ID } from '../pluginId';
import { CAMPAIGN_TAG, LIST } from './tags';

const base = `/${PLUGIN_ID}/campaigns`;

/**
 * Campaigns: a list tagged `LIST` and one tag per campaign, so a save, a rename or a send (api/sending.ts)
 * refreshes the pages that show it.
 */
const campaignsApi = adminApi.enhanceEndpoints({ addTagTypes: [CAMPAIGN_TAG] }).injectEndpoints({
  endpoints: (build) => ({
    getCampaigns: build.query<GetCampaigns.Response, GetCampaigns.Request['query']>({
      query: (params) => ({ url: base, method: 'GET', config: { params } }),
      providesTags: (result) => [
        ...(result?.data.map(({ documentId }) => ({ type: CAMPAIGN_TAG, id: documentId }) as const) ?? []),
        { type: CAMPAIGN_TAG, id: LIST },
      ],
    }),
    getCampaign: build.query<GetCampaign.Response['data'], GetCampaign.Request['params']['documentId']>({
      query: (documentId) => `${base}/${documentId}`,
      transformResponse: (response: GetCampaign.Response) => response.data,
      providesTags: (_result, _error, documentId) => [{ type: CAMPAIGN_TAG, id: documentId }],
    }),
    createCampaign: build.mutation<CreateCampaign.Response['data'], CreateCampaign.Request['body']['data']>({
      query: (data) => ({ url: base, method: 'POST', data: { data } }),
      transformResponse: (response: CreateCampaign.Response) => response.data,
      invalidatesTags: [{ type: CAMPAIGN_TAG, id: LIST }],
    }),
    updateCampaign: build.mutation<
      UpdateCampaign.Response['data'],
      UpdateCampaign.Request['params'] & { data: UpdateCampaign.Request['body']['data'] }
    >({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}`, method: 'PUT', data: { data } }),
      transformResponse: (response: UpdateCampaign.Response) => response.data,
      invalidatesTags: (_result, error, { documentId }) =>
        error
          ? []
          : [
              { type: CAMPAIGN_TAG, id: documentId },
              { type: CAMPAIGN_TAG, id: LIST },
            ],
    }),
    duplicateCampaign: build.mutation<DuplicateCampaign.Response['data'], DuplicateCampaign.Request['params']['documentId']>({
      query: (documentId) => ({ url: `${base}/${documentId}/duplicate`, method: 'POST' }),
      transformResponse: (response: DuplicateCampaign.Response) => response.data,
      invalidatesTags: [{ type: CAMPAIGN_TAG, id: LIST }],
    }),
    deleteCampaign: build.mutation<DeleteCampaign.Response, DeleteCampaign.Request['params']['documentId']>({
      query: (documentId) => ({ url: `${base}/${documentId}`, method: 'DELETE' }),
      invalidatesTags: (_result, error, documentId) =>
        error
          ? []
          : [
              { type: CAMPAIGN_TAG, id: documentId },
              { type: CAMPAIGN_TAG, id: LIST },
            ],
    }),
  }),
});

export const {
  useGetCampaignsQuery,
  useGetCampaignQuery,
  useCreateCampaignMutation,
  useUpdateCampaignMutation,
  useDuplicateCampaignMutation,
  useDeleteCampaignMutation,
} = campaignsApi;
