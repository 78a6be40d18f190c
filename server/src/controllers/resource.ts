import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../services/get-service';

/** The services that announce a change say who made it: here, always an editor (`by`: the admin's id, a campaign's owner). */
type ByAdmin = { origin: 'admin'; by?: number };

type CrudService = {
  list(query: unknown): Promise<unknown>;
  findOne(documentId: string): Promise<unknown>;
  create(input: unknown, options?: ByAdmin): Promise<unknown>;
  update(documentId: string, input: unknown, options?: ByAdmin): Promise<unknown>;
  delete(documentId: string): Promise<unknown>;
};

type RequestBody = { data?: unknown } | undefined;

/**
 * The admin controller of one resource: it only moves data between HTTP and the service, whose
 * ValidationError/NotFoundError Strapi's error middleware turns into 400/404.
 */
export const resourceController =
  (service: 'campaigns' | 'contacts' | 'segments' | 'topics') =>
  ({ strapi }: { strapi: Core.Strapi }) => {
    const svc = (): CrudService => getService(strapi, service);
    return {
      async find(ctx: Context) {
        ctx.body = await svc().list(ctx.query);
      },
      async findOne(ctx: Context) {
        ctx.body = { data: await svc().findOne(ctx.params.documentId) };
      },
      async create(ctx: Context) {
        ctx.status = 201;
        const by = (ctx.state as { user?: { id?: number } }).user?.id;
        ctx.body = { data: await svc().create((ctx.request.body as RequestBody)?.data, { origin: 'admin', ...(by ? { by } : {}) }) };
      },
      async update(ctx: Context) {
        ctx.body = { data: await svc().update(ctx.params.documentId, (ctx.request.body as RequestBody)?.data, { origin: 'admin' }) };
      },
      async delete(ctx: Context) {
        ctx.body = { data: await svc().delete(ctx.params.documentId) };
      },
    };
  };
