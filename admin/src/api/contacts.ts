import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../shared/contracts/campaigns';
import type {
  Contact,
  ContactActivityResponse,
  ContactBulkRequest,
  ContactBulkResult,
  ContactDelivery,
  ContactEvent,
  ContactStateRequest,
  ListContactActivityQuery,
  ListContactsQuery,
} from '../../../shared/contracts/contacts';
import { fileNameOf } from '../download';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from './errors';
import { usePagedList } from './paged-list';

const base = `/${PLUGIN_ID}/contacts`;

/** What the contact forms send: the editable fields, `null` to clear one. */
export type ContactInput = Partial<Pick<Contact, 'email' | 'firstName' | 'lastName' | 'locale' | 'timezone' | 'attributes'>> & {
  topics?: string[];
  consent?: { source: string; text?: string | null };
};

export const useContactsApi = () => {
  const { get, post, put, del } = useFetchClient();
  return {
    list: (params: ListContactsQuery) => get<ListResponse<Contact>>(base, { params }).then((r) => r.data),
    get: (documentId: string) => get<{ data: Contact }>(`${base}/${documentId}`).then((r) => r.data.data),
    create: (data: ContactInput) => post<{ data: Contact }>(base, { data }).then((r) => r.data.data),
    update: (documentId: string, data: ContactInput) => put<{ data: Contact }>(`${base}/${documentId}`, { data }).then((r) => r.data.data),
    remove: (documentId: string) => del(`${base}/${documentId}`),
    setState: (documentId: string, data: ContactStateRequest) =>
      post<{ data: Contact }>(`${base}/${documentId}/state`, { data }).then((r) => r.data.data),
    bulk: (data: ContactBulkRequest) => post<{ data: ContactBulkResult }>(`${base}/bulk`, { data }).then((r) => r.data.data),
    /** The contacts CSV (all, a segment's mailable audience, a state, a topic) and its file name. */
    exportCsv: (params: { segment?: string; state?: string; topic?: string }) =>
      get<Blob>(`${base}/export`, { params, responseType: 'blob' }).then((r) => ({ blob: r.data, fileName: fileNameOf(r.headers, 'contacts.csv') })),
    activity: (documentId: string, params: ListContactActivityQuery) =>
      get<ContactActivityResponse>(`${base}/${documentId}/activity`, { params }).then((r) => r.data),
  };
};

/** One page of contacts for the query, reloaded when it or `reload()` changes. */
export const useContactList = (query: ListContactsQuery) => {
  const api = useContactsApi();
  return usePagedList(() => api.list(query), [JSON.stringify(query)]);
};

const EVENTS_PER_LOAD = 20;
const DELIVERIES_PER_PAGE = 10;

/**
 * A contact's deliveries (page by page) and events (newest first, more appended on demand). The
 * activity endpoint answers both; each change asks only for the part that moved.
 */
export const useContactActivity = (documentId: string) => {
  const api = useContactsApi();
  const [deliveries, setDeliveries] = useState<{ rows: ContactDelivery[]; page: number; pageCount: number; total: number }>();
  const [events, setEvents] = useState<{ rows: ContactEvent[]; nextBefore: string | null }>();
  const [error, setError] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);

  const loadDeliveries = useCallback(
    (page: number) =>
      api.activity(documentId, { deliveriesPage: page, deliveriesPageSize: DELIVERIES_PER_PAGE, eventsLimit: 1 }).then(
        (r) => setDeliveries({ rows: r.data.deliveries, ...r.meta.deliveries }),
        (e) => setError(errorMessage(e))
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [documentId]
  );

  const reload = useCallback(() => {
    setError(undefined);
    api.activity(documentId, { deliveriesPageSize: DELIVERIES_PER_PAGE, eventsLimit: EVENTS_PER_LOAD }).then(
      (r) => {
        setDeliveries({ rows: r.data.deliveries, ...r.meta.deliveries });
        setEvents({ rows: r.data.events, nextBefore: r.meta.events.nextBefore });
      },
      (e) => setError(errorMessage(e))
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId]);

  useEffect(reload, [reload]);

  const loadMoreEvents = async () => {
    if (!events?.nextBefore) return;
    setLoadingMore(true);
    try {
      const r = await api.activity(documentId, { deliveriesPageSize: 1, eventsLimit: EVENTS_PER_LOAD, eventsBefore: events.nextBefore });
      setEvents({ rows: [...events.rows, ...r.data.events], nextBefore: r.meta.events.nextBefore });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  };

  return { deliveries, events, error, loadingMore, loadDeliveries, loadMoreEvents, reload };
};
