import { adminApi } from '@strapi/strapi/admin';
import type {
  CreateTemplate,
  DeleteTemplate,
  GetTemplates,
  RenderTemplate,
  TemplateRef,
  UpdateTemplate,
} from '../../../shared/contracts/templates';
import { PLUGIN_ID } from '../pluginId';
import { LIST, TEMPLATE_TAG } from './tags';

const base = `/${PLUGIN_ID}/templates`;

/**
 * Templates: the gallery's list tagged `LIST`, and one tag per template for its rendering, so a
 * saved template's edit redraws its thumbnail. A campaign is made from one through
 * createCampaign (api/campaigns.ts) with `template`.
 */
const templatesApi = adminApi.enhanceEndpoints({ addTagTypes: [TEMPLATE_TAG] }).injectEndpoints({
  endpoints: (build) => ({
    getTemplates: build.query<GetTemplates.Response['data'], void>({
      query: () => base,
      transformResponse: (response: GetTemplates.Response) => response.data,
      providesTags: (result) => [
        ...(result?.map(({ id }) => ({ type: TEMPLATE_TAG, id }) as const) ?? []),
        { type: TEMPLATE_TAG, id: LIST },
      ],
    }),
    renderTemplate: build.query<RenderTemplate.Response['data'], TemplateRef>({
      query: (ref) => `${base}/${ref}/render`,
      transformResponse: (response: RenderTemplate.Response) => response.data,
      providesTags: (_result, _error, ref) => [{ type: TEMPLATE_TAG, id: ref }],
    }),
    createTemplate: build.mutation<CreateTemplate.Response['data'], CreateTemplate.Request['body']['data']>({
      query: (data) => ({ url: base, method: 'POST', data: { data } }),
      transformResponse: (response: CreateTemplate.Response) => response.data,
      invalidatesTags: [{ type: TEMPLATE_TAG, id: LIST }],
    }),
    updateTemplate: build.mutation<
      UpdateTemplate.Response['data'],
      UpdateTemplate.Request['params'] & { data: UpdateTemplate.Request['body']['data'] }
    >({
      query: ({ documentId, data }) => ({ url: `${base}/${documentId}`, method: 'PUT', data: { data } }),
      transformResponse: (response: UpdateTemplate.Response) => response.data,
      invalidatesTags: (_result, error, { documentId }) =>
        error
          ? []
          : [
              { type: TEMPLATE_TAG, id: documentId },
              { type: TEMPLATE_TAG, id: LIST },
            ],
    }),
    // The list only: its thumbnail goes with the card, rendering it again would only find it gone.
    deleteTemplate: build.mutation<DeleteTemplate.Response, DeleteTemplate.Request['params']['documentId']>({
      query: (documentId) => ({ url: `${base}/${documentId}`, method: 'DELETE' }),
      invalidatesTags: (_result, error) => (error ? [] : [{ type: TEMPLATE_TAG, id: LIST }]),
    }),
  }),
});

export const {
  useGetTemplatesQuery,
  useRenderTemplateQuery,
  useCreateTemplateMutation,
  useUpdateTemplateMutation,
  useDeleteTemplateMutation,
} = templatesApi;
