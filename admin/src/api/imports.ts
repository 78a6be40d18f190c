import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../shared/contracts/campaigns';
import type { Import, ImportOptions, ImportPreview } from '../../../shared/contracts/imports';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from './errors';
import { usePagedList } from './paged-list';

const base = `/${PLUGIN_ID}/imports`;

const POLL_MS = 1000;

const isOver = (item: Import) => item.state === 'done' || item.state === 'failed';

export const useImportsApi = () => {
  const { get, post } = useFetchClient();
  const upload = (file: File, options?: ImportOptions) => {
    const form = new FormData();
    form.append('file', file, file.name);
    if (options) form.append('options', JSON.stringify(options));
    return form;
  };
  return {
    list: (params: { page: number; pageSize: number }) => get<ListResponse<Import>>(base, { params }).then((r) => r.data),
    get: (id: number | string) => get<{ data: Import }>(`${base}/${id}`).then((r) => r.data.data),
    /** Reads the file's header and first rows on the server; nothing is kept there. */
    preview: (file: File) => post<{ data: ImportPreview }>(`${base}/preview`, upload(file)).then((r) => r.data.data),
    /** Uploads the file with its options; the server answers the queued import. */
    start: (file: File, options: ImportOptions) => post<{ data: Import }>(base, upload(file, options)).then((r) => r.data.data),
    /** The rejected rows as CSV, fetched with the admin's token (a plain link would carry none). */
    report: (id: number) => get(`${base}/${id}/report`, { responseType: 'blob' }).then((r) => r.data),
  };
};

/** One page of the import history. */
export const useImportList = (page: number, pageSize: number) => {
  const api = useImportsApi();
  return usePagedList(() => api.list({ page, pageSize }), [page, pageSize]);
};

/** One import, read again every second until it is done or failed. */
export const useImportProgress = (id: string) => {
  const api = useImportsApi();
  const [state, setState] = useState<{ data?: Import; error?: string }>({});

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = () =>
      api.get(id).then(
        (data) => {
          if (stopped) return;
          setState({ data });
          if (!isOver(data)) timer = setTimeout(poll, POLL_MS);
        },
        (error) => !stopped && setState({ error: errorMessage(error) })
      );
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  return state;
};
