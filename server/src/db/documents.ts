import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { UID } from '../constants';

type Params = Record<string, unknown>;
type Doc = Record<string, unknown>;

/**
 * The document service calls this plugin makes, typed loosely on purpose: Strapi types
 * `strapi.documents(uid)` from the host app's generated schema registry, which knows nothing of a
 * plugin's content types at the plugin's own compile time. Rows are shaped by each service's mapper.
 */
export interface PluginDocuments {
  findMany<T = Doc>(params?: Params): Promise<T[]>;
  findOne<T = Doc>(params: Params & { documentId: string }): Promise<T | null>;
  findFirst<T = Doc>(params?: Params): Promise<T | null>;
  count(params?: Params): Promise<number>;
  create<T = Doc>(params: Params & { data: Params }): Promise<T>;
  update<T = Doc>(params: Params & { documentId: string; data: Params }): Promise<T>;
  delete(params: Params & { documentId: string }): Promise<unknown>;
}

export type PluginContentType = (typeof UID)[keyof typeof UID];

export const documentsOf = (strapi: Core.Strapi, uid: PluginContentType): PluginDocuments =>
  strapi.documents(uid) as unknown as PluginDocuments;

export interface PageQuery {
  page: number;
  pageSize: number;
  /** "field:asc" or "field:desc", from a closed list checked at the edge (validation/list-query). */
  sort: string;
}

const toSort = (sort: string) => {
  const [field, direction] = sort.split(':');
  return { [field]: direction as 'asc' | 'desc' };
};

/** One page of documents and how many match in all, in the shape every list endpoint answers. */
export const findPage = async <T, R>(
  documents: PluginDocuments,
  query: PageQuery,
  params: { filters: Params; populate?: unknown },
  map: (row: T) => R | Promise<R>
) => {
  const [rows, total] = await Promise.all([
    documents.findMany<T>({ ...params, sort: toSort(query.sort), start: (query.page - 1) * query.pageSize, limit: query.pageSize }),
    documents.count({ filters: params.filters }),
  ]);
  return {
    data: await Promise.all(rows.map(map)),
    meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total } },
  };
};

/** The document, or a NotFoundError (404) that names what was asked for. */
export const findOrThrow = async <T>(documents: PluginDocuments, label: string, documentId: string, params: Params = {}) => {
  const row = await documents.findOne<T>({ ...params, documentId });
  if (!row) throw new errors.NotFoundError(`No ${label} with documentId "${documentId}"`);
  return row;
};
