import type { Core } from '@strapi/strapi';
import type { UID } from './constants';

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
