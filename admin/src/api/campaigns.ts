import { useFetchClient } from '@strapi/strapi/admin';
import type { Campaign, CampaignSummary, ListResponse } from '../../../shared/contracts/campaigns';
import { PLUGIN_ID } from '../pluginId';
import { usePagedList } from './paged-list';

const base = `/${PLUGIN_ID}/campaigns`;

/** What the editor saves: the editable fields, `null` to clear one; the segment by documentId. */
export type CampaignInput = Partial<
  Pick<Campaign, 'name' | 'subject' | 'preheader' | 'fromName' | 'fromEmail' | 'replyTo' | 'content' | 'plainText'> & { segment: string | null }
>;

export const useCampaignsApi = () => {
  const { get, post, put, del } = useFetchClient();
  return {
    list: (params: { page: number; pageSize: number; search?: string }) =>
      get<ListResponse<CampaignSummary>>(base, { params }).then((r) => r.data),
    create: (data: { name: string }) => post<{ data: Campaign }>(base, { data }).then((r) => r.data.data),
    get: (documentId: string) => get<{ data: Campaign }>(`${base}/${documentId}`).then((r) => r.data.data),
    rename: (documentId: string, name: string) =>
      put<{ data: Campaign }>(`${base}/${documentId}`, { data: { name } }).then((r) => r.data.data),
    update: (documentId: string, data: CampaignInput) =>
      put<{ data: Campaign }>(`${base}/${documentId}`, { data }).then((r) => r.data.data),
    remove: (documentId: string) => del(`${base}/${documentId}`),
  };
};

/** One page of campaigns, reloaded when the page, search or `reload()` changes. */
export const useCampaignList = (page: number, pageSize: number, search: string) => {
  const api = useCampaignsApi();
  return usePagedList(() => api.list({ page, pageSize, ...(search ? { search } : {}) }), [page, pageSize, search]);
};
