import { useFetchClient } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../shared/contracts/campaigns';
import type { Topic, TopicInput, TopicListItem } from '../../../shared/contracts/topics';
import { PLUGIN_ID } from '../pluginId';
import { usePagedList } from './paged-list';

const base = `/${PLUGIN_ID}/topics`;

export const useTopicsApi = () => {
  const { get, post, put, del } = useFetchClient();
  return {
    list: (params: { page?: number; pageSize?: number; search?: string; sort?: 'name:asc' }) =>
      get<ListResponse<TopicListItem>>(base, { params: { sort: 'name:asc', ...params } }).then((r) => r.data),
    create: (data: TopicInput) => post<{ data: Topic }>(base, { data }).then((r) => r.data.data),
    update: (documentId: string, data: Partial<TopicInput>) => put<{ data: Topic }>(`${base}/${documentId}`, { data }).then((r) => r.data.data),
    remove: (documentId: string) => del(`${base}/${documentId}`),
  };
};

/** One page of topics with their member counts. */
export const useTopicList = (page: number, pageSize: number, search: string) => {
  const api = useTopicsApi();
  return usePagedList(() => api.list({ page, pageSize, ...(search ? { search } : {}) }), [page, pageSize, search]);
};
