import { adminApi } from '@strapi/strapi/admin';
import type { CheckCampaign } from '../../../shared/contracts/presend';
import { PLUGIN_ID } from '../pluginId';

const base = `/${PLUGIN_ID}/campaigns`;

/** The pre-send check: a POST (it fetches the campaign's links), run each time it is asked for, never cached. */
const presendApi = adminApi.injectEndpoints({
  endpoints: (build) => ({
    checkCampaign: build.mutation<CheckCampaign.Response['data'], CheckCampaign.Request['params']['documentId']>({
      query: (documentId) => ({ url: `${base}/${documentId}/check`, method: 'POST', data: {} }),
      transformResponse: (response: CheckCampaign.Response) => response.data,
    }),
  }),
});

export const { useCheckCampaignMutation } = presendApi;
