import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';

/** A campaign's report and its figures per domain, the segment rules behind one of its figures, and the dashboard across campaigns. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'analytics').report(ctx.params.documentId) };
  },
  async domains(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'analytics').domains(ctx.params.documentId) };
  },
  async dashboard(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'analytics').dashboard(ctx.query) };
  },
  async figureSegment(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'analytics').figureSegment(ctx.params.documentId, ctx.query) };
  },
});
