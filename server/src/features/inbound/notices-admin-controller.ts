import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';
import type { UndoingAdmin } from './notices-admin-service';

/** The Bounces & complaints page's endpoints. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const notices = () => getService(strapi, 'inboundNotices');
  return {
    async find(ctx: Context) {
      ctx.body = await notices().list(ctx.query);
    },
    async findOne(ctx: Context) {
      ctx.body = { data: await notices().findOne(Number(ctx.params.id)) };
    },
    async undo(ctx: Context) {
      ctx.body = { data: await notices().undo(Number(ctx.params.id), ctx.state.user as UndoingAdmin) };
    },
    async rates(ctx: Context) {
      ctx.body = { data: await notices().rates() };
    },
  };
};
