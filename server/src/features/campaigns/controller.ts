import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { resourceController } from '../../controllers/resource';
import { getService } from '../../services/get-service';

/** Campaign documents' CRUD, and the copy of one. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  ...resourceController('campaigns')({ strapi }),
  async duplicate(ctx: Context) {
    ctx.status = 201;
    const by = (ctx.state as { user?: { id?: number } }).user?.id;
    ctx.body = { data: await getService(strapi, 'campaigns').duplicate(ctx.params.documentId, by ? { by } : {}) };
  },
});
