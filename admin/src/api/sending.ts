import { adminApi } from '@strapi/strapi/admin';
import type {
  GetSenders,
  GetSendProgress,
  PreviewCampaign,
  RunSendAction,
  SendProgress,
  SendTest,
} from '../../../shared/contracts/sending';
import { PLUGIN_ID } from '../pluginId';
import { CAMPAIGN_TAG, LIST, SEND_PROGRESS_TAG } from './tags';

const base = `/${PLUGIN_ID}/campaigns`;

export type SendAction = RunSendAction.Request['params']['action'];

/** A send action moves the campaign: its progress, its page and the list that shows its state. */
export const sendingApi = adminApi.enhanceEndpoints({ addTagTypes: [CAMPAIGN_TAG, SEND_PROGRESS_TAG] }).injectEndpoints({
  endpoints: (build) => ({
    getSenders: build.query<GetSenders.Response['data'], void>({
      query: () => `${base}/senders`,
      transformResponse: (response: GetSenders.Response) => response.data,
    }),
    getSendProgress: build.query<GetSendProgress.Response['data'], GetSendProgress.Request['params']['documentId']>({
      query: (documentId) => `${base}/${documentId}/progress`,
      transformResponse: (response: GetSendProgress.Response) => response.data,
      providesTags: (_result, _error, documentId) => [{ type: SEND_PROGRESS_TAG, id: documentId }],
    }),
    runSendAction: build.mutation<RunSendAction.Response['data'], RunSendAction.Request['params']>({
      query: ({ documentId, action }) => ({ url: `${base}/${documentId}/${action}`, method: 'POST', data: {} }),
      transformResponse: (response: RunSendAction.Response) => response.data,
      /*
       * The action answers the progress it leaves: written straight into the progress query, since
       * RTK Query drops the refetch its invalidation asks for while a poll of it is in flight. That
       * poll may have read the state before the action and still lands after it (a "paused" that
       * would stop the polling of a send just resumed), so once it has, the progress is read again.
       */
      async onQueryStarted({ documentId }, { dispatch, queryFulfilled }) {
        let answered: SendProgress;
        try {
          answered = (await queryFulfilled).data;
        } catch {
          // A refused action moved nothing: the page shows the refusal and the progress stands.
          return;
        }
        dispatch(sendingApi.util.upsertQueryData('getSendProgress', documentId, answered));
        const pollInFlight = dispatch(sendingApi.util.getRunningQueryThunk('getSendProgress', documentId));
        if (!pollInFlight) return;
        await pollInFlight;
        dispatch(sendingApi.endpoints.getSendProgress.initiate(documentId, { subscribe: false, forceRefetch: true }));
      },
      invalidatesTags: (_result, _error, { documentId }) => [
        { type: SEND_PROGRESS_TAG, id: documentId },
        { type: CAMPAIGN_TAG, id: documentId },
        { type: CAMPAIGN_TAG, id: LIST },
      ],
    }),
    /** A render of unsaved fields: a POST, but it changes nothing, so a query cached by what it renders. */
    previewCampaign: build.query<
      PreviewCampaign.Response['data'],
      PreviewCampaign.Request['params'] & { data: PreviewCampaign.Request['body']['data'] }
    >({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}/preview`, method: 'POST', data: { data } }),
      transformResponse: (response: PreviewCampaign.Response) => response.data,
    }),
    sendTest: build.mutation<SendTest.Response['data'], SendTest.Request['params'] & { data: SendTest.Request['body']['data'] }>({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}/test`, method: 'POST', data: { data } }),
      transformResponse: (response: SendTest.Response) => response.data,
    }),
  }),
});

export const { useGetSendersQuery, useRunSendActionMutation, usePreviewCampaignQuery, useSendTestMutation } = sendingApi;

const POLL_MS = 1000;

const isMoving = (progress: SendProgress) => progress.state === 'sending' || progress.dispatching;

/**
 * A campaign's send progress: read on each visit, then every second while it is sending or still
 * dispatching. A send action writes the progress it answers, which restarts the polling.
 */
export const useSendProgress = (documentId: string, enabled: boolean) => {
  const { data: last } = sendingApi.endpoints.getSendProgress.useQueryState(documentId);
  return sendingApi.useGetSendProgressQuery(documentId, {
    skip: !enabled,
    pollingInterval: last && isMoving(last) ? POLL_MS : 0,
    refetchOnMountOrArgChange: true,
  });
};
