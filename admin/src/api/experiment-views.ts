import { adminApi } from '@strapi/strapi/admin';
import type { GetExperimentSeries, PreviewExperimentVariants } from '../../../shared/contracts/experiments';
import { PLUGIN_ID } from '../pluginId';
import { EXPERIMENT_TAG } from './tags';

const base = `/${PLUGIN_ID}/campaigns`;

type PreviewArgs = { documentId: string } & PreviewExperimentVariants.Request['body']['data'];

/**
 * What the admin reads of an A/B test besides its set-up: its variants rendered side by side and
 * its metric over time. The series is the test's: a pick or a cancel (which invalidate the test)
 * ends its window, so it is read again with it.
 */
const experimentViewsApi = adminApi.enhanceEndpoints({ addTagTypes: [EXPERIMENT_TAG] }).injectEndpoints({
  endpoints: (build) => ({
    /** A render of unsaved panel values: a POST that changes nothing, so a query cached by what it renders. */
    previewExperimentVariants: build.query<PreviewExperimentVariants.Response['data'], PreviewArgs>({
      query: ({ documentId, ...data }) => ({ url: `${base}/${documentId}/experiment/preview`, method: 'POST', data: { data } }),
      transformResponse: (response: PreviewExperimentVariants.Response) => response.data,
    }),
    /** null before the campaign's send started. */
    getExperimentSeries: build.query<GetExperimentSeries.Response['data'], string>({
      query: (documentId) => ({ url: `${base}/${documentId}/experiment/series`, method: 'GET' }),
      transformResponse: (response: GetExperimentSeries.Response) => response.data,
      providesTags: (_result, _error, documentId) => [{ type: EXPERIMENT_TAG, id: documentId }],
    }),
  }),
});

export const { usePreviewExperimentVariantsQuery, useGetExperimentSeriesQuery } = experimentViewsApi;
