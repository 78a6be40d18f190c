import { useFetchClient } from '@strapi/strapi/admin';
import type { BackfillResult, Settings } from '../../../shared/contracts/settings';
import { PLUGIN_ID } from '../pluginId';

export const useSettingsApi = () => {
  const { get, post } = useFetchClient();
  return {
    get: () => get<{ data: Settings }>(`/${PLUGIN_ID}/settings`).then((r) => r.data.data),
    /** Mirrors every entry of one source (or of all) into contacts; answers what it did. */
    backfill: (uid?: string) => post<{ data: BackfillResult }>(`/${PLUGIN_ID}/audience-sources/backfill`, { data: uid ? { uid } : {} }).then((r) => r.data.data),
  };
};
