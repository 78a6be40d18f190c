import { adminApi, useFetchClient } from '@strapi/strapi/admin';
import type {
  CreateImport,
  GetImport,
  GetImportReport,
  GetImports,
  Import,
  ImportOptions,
  ListImportsQuery,
  PreviewImport,
} from '../../../shared/contracts/imports';
import { PLUGIN_ID } from '../pluginId';
import { AUDIENCE_TAGS, CONTACT_TAG, IMPORT_TAG, LIST, tag, TOPIC_TAG } from './tags';

const base = `/${PLUGIN_ID}/imports`;

/** An import is read again this often until it is done or failed. */
const PROGRESS_POLL_MS = 1000;
/** While an import of the history page runs, the page is read again this often. */
const HISTORY_POLL_MS = 2000;

const isOver = (item: Import) => item.state === 'done' || item.state === 'failed';

const upload = (file: File, options?: ImportOptions) => {
  const form = new FormData();
  form.append('file', file, file.name);
  if (options) form.append('options', JSON.stringify(options));
  return form;
};

const importsApi = adminApi.enhanceEndpoints({ addTagTypes: AUDIENCE_TAGS }).injectEndpoints({
  endpoints: (build) => ({
    getImports: build.query<GetImports.Response, ListImportsQuery>({
      query: (params) => ({ url: base, method: 'GET', config: { params } }),
      providesTags: [tag(IMPORT_TAG, LIST)],
    }),
    getImport: build.query<GetImport.Response['data'], GetImport.Request['params']['id']>({
      query: (id) => ({ url: `${base}/${id}`, method: 'GET' }),
      transformResponse: (response: GetImport.Response) => response.data,
      providesTags: (_result, _error, id) => [tag(IMPORT_TAG, id)],
      // The worker created and changed contacts (and topic members) that the other pages may hold.
      async onQueryStarted(_id, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (data && isOver(data)) dispatch(importsApi.util.invalidateTags([CONTACT_TAG, TOPIC_TAG, tag(IMPORT_TAG, LIST)]));
      },
    }),
    /** Reads the file's header and first rows on the server; nothing is kept there. */
    previewImport: build.mutation<PreviewImport.Response['data'], PreviewImport.Request['body']>({
      query: ({ file }) => ({ url: `${base}/preview`, method: 'POST', data: upload(file) }),
      transformResponse: (response: PreviewImport.Response) => response.data,
    }),
    /** Uploads the file with its options; the server answers the queued import. */
    createImport: build.mutation<CreateImport.Response['data'], CreateImport.Request['body']>({
      query: ({ file, options }) => ({ url: base, method: 'POST', data: upload(file, options) }),
      transformResponse: (response: CreateImport.Response) => response.data,
      invalidatesTags: [tag(IMPORT_TAG, LIST)],
    }),
  }),
});

export const { usePreviewImportMutation, useCreateImportMutation } = importsApi;

/** One page of the import history, read again while one of its imports is queued or running. */
export const useImportList = (query: ListImportsQuery) => {
  const { data } = importsApi.endpoints.getImports.useQueryState(query);
  const running = data?.data.some((item) => !isOver(item)) ?? false;
  return importsApi.useGetImportsQuery(query, { pollingInterval: running ? HISTORY_POLL_MS : 0, refetchOnMountOrArgChange: true });
};

/** One import, read again every second until it is done or failed, or a read fails. */
export const useImportProgress = (id: number) => {
  const { data, isError } = importsApi.endpoints.getImport.useQueryState(id);
  const following = !isError && !(data && isOver(data));
  return importsApi.useGetImportQuery(id, { pollingInterval: following ? PROGRESS_POLL_MS : 0, refetchOnMountOrArgChange: true });
};

/** The rejected rows of an import as CSV: a file for the browser to save, not state to cache. */
export const useImportReport = () => {
  const { get } = useFetchClient();
  return (id: GetImportReport.Request['params']['id']) =>
    get<GetImportReport.Response>(`${base}/${id}/report`, { responseType: 'blob' }).then((r) => r.data);
};
