import { useFetchClient } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../shared/contracts/campaigns';
import type { AudienceContact, RuleChoices, RuleGroup, Segment } from '../../../shared/contracts/segments';
import { PLUGIN_ID } from '../pluginId';

const base = `/${PLUGIN_ID}/segments`;

export const useSegmentsApi = () => {
  const { get, post, put, del } = useFetchClient();
  return {
    list: () => get<ListResponse<Segment>>(base, { params: { pageSize: 100, sort: 'name:asc' } }).then((r) => r.data),
    get: (documentId: string) => get<{ data: Segment }>(`${base}/${documentId}`).then((r) => r.data.data),
    create: (data: { name: string; rules: RuleGroup }) => post<{ data: Segment }>(base, { data }).then((r) => r.data.data),
    update: (documentId: string, data: { name: string; rules: RuleGroup }) =>
      put<{ data: Segment }>(`${base}/${documentId}`, { data }).then((r) => r.data.data),
    remove: (documentId: string) => del(`${base}/${documentId}`),
    count: (rules: RuleGroup) => post<{ data: { count: number } }>(`${base}/count`, { data: { rules } }).then((r) => r.data.data.count),
    choices: (include: string[]) =>
      get<{ data: RuleChoices }>(`${base}/choices`, { params: include.length ? { include: include.join(',') } : {} }).then((r) => r.data.data),
    preview: (rules: RuleGroup) => post<{ data: AudienceContact[] }>(`${base}/preview`, { data: { rules } }).then((r) => r.data.data),
  };
};
