import { adminApi } from '@strapi/strapi/admin';
import type { Experiment, ExperimentInput } from '../../../shared/contracts/experiments';
import { PLUGIN_ID } from '../pluginId';
import { CAMPAIGN_TAG, EXPERIMENT_TAG, REPORT_TAG } from './tags';

const base = `/${PLUGIN_ID}/campaigns`;

/**
 * A campaign's A/B test, cached under the campaign's documentId. A pick or a cancel moves the
 * campaign's send too (the winner goes to the rest), so they refresh the campaign and its report.
 */
const experimentsApi = adminApi.enhanceEndpoints({ addTagTypes: [EXPERIMENT_TAG, CAMPAIGN_TAG, REPORT_TAG] }).injectEndpoints({
  endpoints: (build) => ({
    /** null when the campaign has no A/B test. */
    getExperiment: build.query<Experiment | null, string>({
      query: (documentId) => ({ url: `${base}/${documentId}/experiment`, method: 'GET' }),
      transformResponse: (response: { data: Experiment | null }) => response.data,
      providesTags: (_result, _error, documentId) => [{ type: EXPERIMENT_TAG, id: documentId }],
    }),
    saveExperiment: build.mutation<Experiment, { documentId: string; data: ExperimentInput }>({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}/experiment`, method: 'PUT', data: { data } }),
      transformResponse: (response: { data: Experiment }) => response.data,
      invalidatesTags: (_result, _error, { documentId }) => [{ type: EXPERIMENT_TAG, id: documentId }],
    }),
    deleteExperiment: build.mutation<{ documentId: string }, string>({
      query: (documentId) => ({ url: `${base}/${documentId}/experiment`, method: 'DELETE' }),
      transformResponse: (response: { data: { documentId: string } }) => response.data,
      invalidatesTags: (_result, _error, documentId) => [{ type: EXPERIMENT_TAG, id: documentId }],
    }),
    pickExperimentWinner: build.mutation<Experiment, { documentId: string; variant: string; reason?: string }>({
      query: ({ documentId, variant, reason }) => ({
        url: `${base}/${documentId}/experiment/pickWinner`,
        method: 'POST',
        data: { data: reason ? { variant, reason } : { variant } },
      }),
      transformResponse: (response: { data: Experiment }) => response.data,
      invalidatesTags: (_result, _error, { documentId }) => [
        { type: EXPERIMENT_TAG, id: documentId },
        { type: CAMPAIGN_TAG, id: documentId },
        { type: REPORT_TAG, id: documentId },
      ],
    }),
    cancelExperiment: build.mutation<Experiment, string>({
      query: (documentId) => ({ url: `${base}/${documentId}/experiment/cancel`, method: 'POST', data: { data: {} } }),
      transformResponse: (response: { data: Experiment }) => response.data,
      invalidatesTags: (_result, _error, documentId) => [
        { type: EXPERIMENT_TAG, id: documentId },
        { type: CAMPAIGN_TAG, id: documentId },
        { type: REPORT_TAG, id: documentId },
      ],
    }),
  }),
});

export const {
  useGetExperimentQuery,
  useSaveExperimentMutation,
  useDeleteExperimentMutation,
  usePickExperimentWinnerMutation,
  useCancelExperimentMutation,
} = experimentsApi;
