import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../shared/contracts/campaigns';
import type { ContactTopic } from '../../../shared/contracts/contacts';
import type { Topic, TopicInput, TopicListItem } from '../../../shared/contracts/topics';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from './errors';
import { usePagedList } from './paged-list';

const base = `/${PLUGIN_ID}/topics`;

/** The API's largest page. */
const MAX_PAGE_SIZE = 100;

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

const choiceOf = ({ documentId, name }: ContactTopic): ContactTopic => ({ documentId, name });

/**
 * Every topic a picker offers, by name: page after page, so a picker never stops at the API's
 * largest page. `add` puts a topic created on the spot in its place.
 */
export const useTopicChoices = () => {
  const api = useTopicsApi();
  const [state, setState] = useState<{ topics: ContactTopic[]; loaded: boolean; error?: string }>({ topics: [], loaded: false });

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const topics: ContactTopic[] = [];
      for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
        const answer = await api.list({ page, pageSize: MAX_PAGE_SIZE });
        topics.push(...answer.data.map(choiceOf));
        pageCount = answer.meta.pagination.pageCount;
      }
      return topics;
    };
    load().then(
      (topics) => !cancelled && setState({ topics, loaded: true }),
      (error) => !cancelled && setState({ topics: [], loaded: true, error: errorMessage(error) })
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const add = useCallback(
    (topic: ContactTopic) =>
      setState((s) => ({ ...s, topics: [...s.topics, choiceOf(topic)].sort((a, b) => a.name.localeCompare(b.name)) })),
    []
  );

  return { ...state, add };
};
