import { adminApi } from '@strapi/strapi/admin';
import type { BackfillAudienceSources, GetSettings } from '../../../shared/contracts/settings';
import { PLUGIN_ID } from '../pluginId';
import { AUDIENCE_TAGS, CONTACT_TAG, LIST, tag, TOPIC_TAG } from './tags';

/** Endpoint names are global on Strapi's shared adminApi (the admin has its own getSettings): these say whose settings. */
const settingsApi = adminApi.enhanceEndpoints({ addTagTypes: AUDIENCE_TAGS }).injectEndpoints({
  endpoints: (build) => ({
    getCampaignsSettings: build.query<GetSettings.Response['data'], void>({
      query: () => `/${PLUGIN_ID}/settings`,
      transformResponse: (response: GetSettings.Response) => response.data,
    }),
    /** Mirrors every entry of one source (or of all) into contacts; answers what it did. */
    backfillAudienceSources: build.mutation<BackfillAudienceSources.Response['data'], string | undefined>({
      query: (uid) => ({ url: `/${PLUGIN_ID}/audience-sources/backfill`, method: 'POST', data: { data: uid ? { uid } : {} } }),
      transformResponse: (response: BackfillAudienceSources.Response) => response.data,
      // A backfill creates, updates and links contacts the open contact and topic pages show.
      invalidatesTags: [tag(CONTACT_TAG, LIST), tag(TOPIC_TAG, LIST)],
    }),
  }),
});

export const { useGetCampaignsSettingsQuery, useBackfillAudienceSourcesMutation } = settingsApi;
