import { adminApi } from '@strapi/strapi/admin';
import type { BackfillAudienceSources, GetSettings } from '../../../shared/contracts/settings';
import { PLUGIN_ID } from '../pluginId';

/** Endpoint names are global on Strapi's shared adminApi (the admin has its own getSettings): these say whose settings. */
const settingsApi = adminApi.injectEndpoints({
  endpoints: (build) => ({
    getCampaignsSettings: build.query<GetSettings.Response['data'], void>({
      query: () => `/${PLUGIN_ID}/settings`,
      transformResponse: (response: GetSettings.Response) => response.data,
    }),
    /** Mirrors every entry of one source (or of all) into contacts; answers what it did. */
    backfillAudienceSources: build.mutation<BackfillAudienceSources.Response['data'], string | undefined>({
      query: (uid) => ({ url: `/${PLUGIN_ID}/audience-sources/backfill`, method: 'POST', data: { data: uid ? { uid } : {} } }),
      transformResponse: (response: BackfillAudienceSources.Response) => response.data,
    }),
  }),
});

export const { useGetCampaignsSettingsQuery, useBackfillAudienceSourcesMutation } = settingsApi;
