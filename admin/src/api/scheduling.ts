import { adminApi } from '@strapi/strapi/admin';
import type { CalendarEntry, CampaignSchedule, CampaignScheduleState, SchedulePreview } from '../../../shared/contracts/schedule';
import { PLUGIN_ID } from '../pluginId';
import { CAMPAIGN_TAG, LIST, SEND_PROGRESS_TAG } from './tags';

const base = `/${PLUGIN_ID}/campaigns`;

/** A schedule change moves the campaign: its page, its progress and the list that shows its state. */
const schedulingApi = adminApi.enhanceEndpoints({ addTagTypes: [CAMPAIGN_TAG, SEND_PROGRESS_TAG] }).injectEndpoints({
  endpoints: (build) => ({
    /** The campaigns scheduled or sent in a span of instants; a schedule change refreshes it. */
    getCalendar: build.query<CalendarEntry[], { from: string; to: string }>({
      query: (params) => ({ url: `${base}/calendar`, method: 'GET', config: { params } }),
      transformResponse: (response: { data: CalendarEntry[] }) => response.data,
      providesTags: [{ type: CAMPAIGN_TAG, id: LIST }],
    }),
    /** What a schedule would do over the audience as it is now; refused as the schedule itself would be. */
    schedulePreview: build.query<SchedulePreview, { documentId: string; data: CampaignSchedule }>({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}/schedule/preview`, method: 'POST', data: { data } }),
      transformResponse: (response: { data: SchedulePreview }) => response.data,
    }),
    /** `ifVersion`: the schedule version the editor saw; the server refuses a move over a newer one. */
    scheduleCampaign: build.mutation<CampaignScheduleState, { documentId: string; data: CampaignSchedule; ifVersion?: number }>({
      query: ({ documentId, data, ifVersion }) => ({ url: `${base}/${documentId}/schedule`, method: 'POST', data: { data, ifVersion } }),
      transformResponse: (response: { data: CampaignScheduleState }) => response.data,
      invalidatesTags: (_result, _error, { documentId }) => [
        { type: SEND_PROGRESS_TAG, id: documentId },
        { type: CAMPAIGN_TAG, id: documentId },
        { type: CAMPAIGN_TAG, id: LIST },
      ],
    }),
    unscheduleCampaign: build.mutation<CampaignScheduleState, string>({
      query: (documentId) => ({ url: `${base}/${documentId}/unschedule`, method: 'POST', data: {} }),
      transformResponse: (response: { data: CampaignScheduleState }) => response.data,
      invalidatesTags: (_result, _error, documentId) => [
        { type: SEND_PROGRESS_TAG, id: documentId },
        { type: CAMPAIGN_TAG, id: documentId },
        { type: CAMPAIGN_TAG, id: LIST },
      ],
    }),
  }),
});

export const { useGetCalendarQuery, useSchedulePreviewQuery, useScheduleCampaignMutation, useUnscheduleCampaignMutation } = schedulingApi;
