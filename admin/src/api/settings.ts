import { adminApi } from '@strapi/strapi/admin';
import type { BackfillAudienceSources, GetSettings } from '../../../shared/contracts/settings';
import { PLUGIN_ID } from '../pluginId';

const settingsApi = adminApi.injectEndpoints({
  endpoints: (build) => ({
    getSettings: build.query<GetSettings.Response['data'], void>({
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

export const { useGetSettingsQuery, useBackfillAudienceSourcesMutation } = settingsApi;
