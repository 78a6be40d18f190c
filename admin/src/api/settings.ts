import { adminApi } from '@strapi/strapi/admin';
import type { BackfillAudienceSources, GetSettings } from '../../../shared/contracts/settings';
import type { GetSiteSettings, SiteSettings, UpdateSiteSettings } from '../../../shared/contracts/site-settings';
import { PLUGIN_ID } from '../pluginId';
import { AUDIENCE_TAGS, CONTACT_TAG, LIST, SITE_SETTINGS_TAG, tag, TOPIC_TAG } from './tags';

/** Endpoint names are global on Strapi's shared adminApi (the admin has its own getSettings): these say whose settings. */
const settingsApi = adminApi.enhanceEndpoints({ addTagTypes: [...AUDIENCE_TAGS, SITE_SETTINGS_TAG] }).injectEndpoints({
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
    /** The editor's settings: theme and fonts of the public pages and sent HTML, event addresses, client details, retention. */
    getCampaignsSiteSettings: build.query<SiteSettings, void>({
      query: () => `/${PLUGIN_ID}/settings/site`,
      transformResponse: (response: GetSiteSettings.Response) => response.data,
      providesTags: [SITE_SETTINGS_TAG],
    }),
    /** Saves the whole object; a 400 names each bad field (api/errors.ts fieldErrors). */
    updateCampaignsSiteSettings: build.mutation<SiteSettings, SiteSettings>({
      query: (data) => ({ url: `/${PLUGIN_ID}/settings/site`, method: 'PUT', data: { data } satisfies UpdateSiteSettings.Request['body'] }),
      transformResponse: (response: UpdateSiteSettings.Response) => response.data,
      invalidatesTags: [SITE_SETTINGS_TAG],
    }),
  }),
});

export const {
  useGetCampaignsSettingsQuery,
  useBackfillAudienceSourcesMutation,
  useGetCampaignsSiteSettingsQuery,
  useUpdateCampaignsSiteSettingsMutation,
} = settingsApi;
