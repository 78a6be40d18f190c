import { adminApi } from '@strapi/strapi/admin';
import type { ContactTopic } from '../../../shared/contracts/contacts';
import type { CreateTopic, DeleteTopic, GetTopics, ListTopicsQuery, TopicInput, UpdateTopic } from '../../../shared/contracts/topics';
import { PLUGIN_ID } from '../pluginId';
import { AUDIENCE_TAGS, CONTACT_TAG, LIST, tag, TOPIC_TAG } from './tags';

const base = `/${PLUGIN_ID}/topics`;

/** The API's largest page. */
const MAX_PAGE_SIZE = 100;

const choiceOf = ({ documentId, name }: ContactTopic): ContactTopic => ({ documentId, name });
const byName = (a: ContactTopic, b: ContactTopic) => a.name.localeCompare(b.name);

const topicsApi = adminApi.enhanceEndpoints({ addTagTypes: AUDIENCE_TAGS }).injectEndpoints({
  endpoints: (build) => ({
    /** One page of topics with their member counts, by name. */
    getTopics: build.query<GetTopics.Response, ListTopicsQuery>({
      query: (params) => ({ url: base, method: 'GET', config: { params: { sort: 'name:asc', ...params } } }),
      providesTags: [tag(TOPIC_TAG, LIST)],
    }),
    /** Every topic a picker offers, by name: page after page, so a picker never stops at the API's largest page. */
    getTopicChoices: build.query<ContactTopic[], void>({
      async queryFn(_arg, _api, _extra, baseQuery) {
        const topics: ContactTopic[] = [];
        for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
          const answer = await baseQuery({
            url: base,
            method: 'GET',
            config: { params: { sort: 'name:asc', page, pageSize: MAX_PAGE_SIZE } },
          });
          if (answer.error) return { error: answer.error };
          const { data, meta } = answer.data as GetTopics.Response;
          topics.push(...data.map(choiceOf));
          pageCount = meta.pagination.pageCount;
        }
        return { data: topics };
      },
      providesTags: [tag(TOPIC_TAG, LIST)],
    }),
    createTopic: build.mutation<CreateTopic.Response['data'], TopicInput>({
      query: (data) => ({ url: base, method: 'POST', data: { data } }),
      transformResponse: (response: CreateTopic.Response) => response.data,
      // A picker offers the new topic at once, before the lists are read again.
      async onQueryStarted(_input, { dispatch, queryFulfilled }) {
        const { data: topic } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (!topic) return;
        dispatch(
          topicsApi.util.updateQueryData('getTopicChoices', undefined, (choices) => {
            if (!choices.some((t) => t.documentId === topic.documentId)) choices.push(choiceOf(topic));
            choices.sort(byName);
          })
        );
      },
      invalidatesTags: [tag(TOPIC_TAG, LIST)],
    }),
    updateTopic: build.mutation<UpdateTopic.Response['data'], UpdateTopic.Request['params'] & { data: Partial<TopicInput> }>({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}`, method: 'PUT', data: { data } }),
      transformResponse: (response: UpdateTopic.Response) => response.data,
      // Contacts show their topics by name.
      invalidatesTags: [tag(TOPIC_TAG, LIST), CONTACT_TAG],
    }),
    deleteTopic: build.mutation<DeleteTopic.Response, DeleteTopic.Request['params']>({
      query: ({ documentId }) => ({ url: `${base}/${documentId}`, method: 'DELETE' }),
      invalidatesTags: [tag(TOPIC_TAG, LIST), CONTACT_TAG],
    }),
  }),
});

export const { useGetTopicsQuery, useGetTopicChoicesQuery, useCreateTopicMutation, useUpdateTopicMutation, useDeleteTopicMutation } =
  topicsApi;
