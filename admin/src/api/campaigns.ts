import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Campaign, CampaignSummary, ListResponse } from '../../../shared/contracts/campaigns';
import { PLUGIN_ID } from '../pluginId';

const base = `/${PLUGIN_ID}/campaigns`;

/** The message the server put in its error body (ValidationError says what to fix), else a generic one. */
export const errorMessage = (error: unknown): string => {
  const body = (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data;
  return body?.error?.message ?? (error as Error)?.message ?? 'Something went wrong';
};

export const useCampaignsApi = () => {
  const { get, post, put, del } = useFetchClient();
  return {
    list: (params: { page: number; pageSize: number; search?: string }) =>
      get<ListResponse<CampaignSummary>>(base, { params }).then((r) => r.data),
    create: (data: { name: string }) => post<{ data: Campaign }>(base, { data }).then((r) => r.data.data),
    rename: (documentId: string, name: string) =>
      put<{ data: Campaign }>(`${base}/${documentId}`, { data: { name } }).then((r) => r.data.data),
    remove: (documentId: string) => del(`${base}/${documentId}`),
  };
};

/** One page of campaigns, reloaded when the page, search or `reload()` changes. */
export const useCampaignList = (page: number, pageSize: number, search: string) => {
  const api = useCampaignsApi();
  const [state, setState] = useState<{ data?: ListResponse<CampaignSummary>; error?: string; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    api
      .list({ page, pageSize, ...(search ? { search } : {}) })
      .then((data) => !cancelled && setState({ data, loading: false }))
      .catch((error) => !cancelled && setState({ error: errorMessage(error), loading: false }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page, pageSize, search, version]);

  return { ...state, reload: useCallback(() => setVersion((v) => v + 1), []) };
};
