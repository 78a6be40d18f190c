import { adminApi, useFetchClient } from '@strapi/strapi/admin';
import type {
  BulkContacts,
  ContactBulkRequest,
  ContactInput,
  CreateContact,
  DeleteContact,
  ExportContacts,
  GetContact,
  GetContactActivity,
  GetContacts,
  ListContactsQuery,
  SetContactState,
  UpdateContact,
} from '../../../shared/contracts/contacts';
import type { ErasureRequest, ErasureResult } from '../../../shared/contracts/privacy';
import { fileNameOf } from '../download';
import { PLUGIN_ID } from '../pluginId';
import { mergeEventPages } from './event-pages';
import { AUDIENCE_TAGS, CONTACT_TAG, LIST, tag, TOPIC_TAG } from './tags';

const base = `/${PLUGIN_ID}/contacts`;

const EVENTS_PER_LOAD = 20;
const DELIVERIES_PER_PAGE = 10;

type ContactId = GetContact.Request['params'];
type ContactEventsArgs = ContactId & { before?: string };

/** A contact's state and topics count in its topics' member numbers. */
const contactAndTopics = (documentId?: string) => [
  ...(documentId ? [tag(CONTACT_TAG, documentId)] : []),
  tag(CONTACT_TAG, LIST),
  tag(TOPIC_TAG, LIST),
];

const contactsApi = adminApi.enhanceEndpoints({ addTagTypes: AUDIENCE_TAGS }).injectEndpoints({
  endpoints: (build) => ({
    getContacts: build.query<GetContacts.Response, ListContactsQuery>({
      query: (params) => ({ url: base, method: 'GET', config: { params } }),
      providesTags: (result) => [...(result?.data ?? []).map(({ documentId }) => tag(CONTACT_TAG, documentId)), tag(CONTACT_TAG, LIST)],
    }),
    getContact: build.query<GetContact.Response['data'], ContactId>({
      query: ({ documentId }) => ({ url: `${base}/${documentId}`, method: 'GET' }),
      transformResponse: (response: GetContact.Response) => response.data,
      providesTags: (_result, _error, { documentId }) => [tag(CONTACT_TAG, documentId)],
    }),
    createContact: build.mutation<CreateContact.Response['data'], ContactInput>({
      query: (data) => ({ url: base, method: 'POST', data: { data } }),
      transformResponse: (response: CreateContact.Response) => response.data,
      invalidatesTags: contactAndTopics(),
    }),
    updateContact: build.mutation<UpdateContact.Response['data'], ContactId & { data: ContactInput }>({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}`, method: 'PUT', data: { data } }),
      transformResponse: (response: UpdateContact.Response) => response.data,
      invalidatesTags: (_result, _error, { documentId }) => contactAndTopics(documentId),
    }),
    deleteContact: build.mutation<DeleteContact.Response, ContactId>({
      query: ({ documentId }) => ({ url: `${base}/${documentId}`, method: 'DELETE' }),
      invalidatesTags: (_result, _error, { documentId }) => contactAndTopics(documentId),
    }),
    setContactState: build.mutation<SetContactState.Response['data'], ContactId & SetContactState.Request['body']>({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}/state`, method: 'POST', data: { data } }),
      transformResponse: (response: SetContactState.Response) => response.data,
      invalidatesTags: (_result, _error, { documentId }) => contactAndTopics(documentId),
    }),
    /** Erases the contact for good; its cache entries go, the lists and topic counts are read again. */
    eraseContact: build.mutation<ErasureResult, ContactId & { data: ErasureRequest }>({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}/erase`, method: 'POST', data: { data } }),
      transformResponse: (response: { data: ErasureResult }) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : contactAndTopics()),
    }),
    bulkContacts: build.mutation<BulkContacts.Response['data'], ContactBulkRequest>({
      query: (data) => ({ url: `${base}/bulk`, method: 'POST', data: { data } }),
      transformResponse: (response: BulkContacts.Response) => response.data,
      invalidatesTags: (_result, _error, { documentIds }) => documentIds.flatMap((id) => contactAndTopics(id)),
    }),
    /** A page of the contact's deliveries, newest first. */
    getContactDeliveries: build.query<GetContactActivity.Response, ContactId & { page: number }>({
      query: ({ documentId, page }) => ({
        url: `${base}/${documentId}/activity`,
        method: 'GET',
        config: { params: { deliveriesPage: page, deliveriesPageSize: DELIVERIES_PER_PAGE, eventsLimit: 1 } },
      }),
    }),
    /**
     * The contact's events, newest first: one cache entry per contact that each `before` (the
     * previous answer's `nextBefore`) extends with the older events.
     */
    getContactEvents: build.query<GetContactActivity.Response, ContactEventsArgs>({
      query: ({ documentId, before }) => ({
        url: `${base}/${documentId}/activity`,
        method: 'GET',
        config: { params: { deliveriesPageSize: 1, eventsLimit: EVENTS_PER_LOAD, ...(before ? { eventsBefore: before } : {}) } },
      }),
      serializeQueryArgs: ({ queryArgs }) => queryArgs.documentId,
      merge: (shown, answer, { arg }) => mergeEventPages(shown, answer, arg.before),
      forceRefetch: ({ currentArg, previousArg }) => currentArg?.before !== previousArg?.before,
    }),
  }),
});

export const {
  useGetContactsQuery,
  useGetContactQuery,
  useCreateContactMutation,
  useUpdateContactMutation,
  useDeleteContactMutation,
  useSetContactStateMutation,
  useBulkContactsMutation,
  useEraseContactMutation,
  useGetContactDeliveriesQuery,
  useGetContactEventsQuery,
} = contactsApi;

/** Downloads everything held about one contact (GET /contacts/:documentId/data) as a JSON file. */
export const useExportContactData = () => {
  const { get } = useFetchClient();
  return (documentId: string) =>
    get<Blob>(`${base}/${documentId}/data`, { responseType: 'blob' }).then((r) => ({
      blob: r.data,
      fileName: fileNameOf(r.headers, `contact-${documentId}.json`),
    }));
};

/**
 * Downloads the contacts CSV and its file name. A file, not state to cache: fetched with the
 * admin's token (a plain link would carry none) and handed to the browser.
 */
export const useExportContacts = () => {
  const { get } = useFetchClient();
  return (query: ExportContacts.Request['query']) =>
    get<ExportContacts.Response>(`${base}/export`, { params: query, responseType: 'blob' }).then((r) => ({
      blob: r.data,
      fileName: fileNameOf(r.headers, 'contacts.csv'),
    }));
};
