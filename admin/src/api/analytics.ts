import { adminApi } from '@strapi/strapi/admin';
import type {
  DashboardDays,
  GetCampaignReport,
  GetDashboard,
  GetDomainReport,
  GetFigureSegment,
  ReportFigure,
} from '../../../shared/contracts/analytics';
import { PLUGIN_ID } from '../pluginId';
import { REPORT_TAG } from './tags';

const base = `/${PLUGIN_ID}/campaigns`;

const analyticsApi = adminApi.enhanceEndpoints({ addTagTypes: [REPORT_TAG] }).injectEndpoints({
  endpoints: (build) => ({
    getCampaignReport: build.query<GetCampaignReport.Response['data'], GetCampaignReport.Request['params']['documentId']>({
      query: (documentId) => `${base}/${documentId}/report`,
      transformResponse: (response: GetCampaignReport.Response) => response.data,
      providesTags: (_result, _error, documentId) => [{ type: REPORT_TAG, id: documentId }],
    }),
    getDomainReport: build.query<GetDomainReport.Response['data'], GetDomainReport.Request['params']['documentId']>({
      query: (documentId) => `${base}/${documentId}/report/domains`,
      transformResponse: (response: GetDomainReport.Response) => response.data,
      providesTags: (_result, _error, documentId) => [{ type: REPORT_TAG, id: documentId }],
    }),
    getFigureSegment: build.query<GetFigureSegment.Response['data'], { documentId: string; figure: ReportFigure; linkId?: number }>({
      query: ({ documentId, figure, linkId }) => ({
        url: `${base}/${documentId}/report/segment`,
        method: 'GET',
        config: { params: linkId === undefined ? { figure } : { figure, linkId: String(linkId) } },
      }),
      transformResponse: (response: GetFigureSegment.Response) => response.data,
    }),
    getDashboard: build.query<GetDashboard.Response['data'], DashboardDays>({
      query: (days) => ({ url: `/${PLUGIN_ID}/analytics/dashboard`, method: 'GET', config: { params: { days: String(days) } } }),
      transformResponse: (response: GetDashboard.Response) => response.data,
      providesTags: [REPORT_TAG],
    }),
  }),
});

/** While a campaign sends, its figures move: read again this often, with no reload. */
const LIVE_MS = 5000;

/** A campaign's figures: read on each visit, and every few seconds while `live` (the campaign is sending). */
const liveOptions = (live: boolean) => ({ pollingInterval: live ? LIVE_MS : 0, refetchOnMountOrArgChange: true });

/** A campaign's report. */
export const useCampaignReport = (documentId: string, live: boolean) =>
  analyticsApi.useGetCampaignReportQuery(documentId, liveOptions(live));

/** The campaign's figures per recipient domain, read like its report. */
export const useDomainReport = (documentId: string, live: boolean) => analyticsApi.useGetDomainReportQuery(documentId, liveOptions(live));

/** The segment rules behind one of a campaign's figures (and a name for them). */
export const useFigureSegment = analyticsApi.useGetFigureSegmentQuery;

/** The dashboard of the last `days`: read again on each visit. */
export const useDashboard = (days: DashboardDays) => analyticsApi.useGetDashboardQuery(days, { refetchOnMountOrArgChange: true });
