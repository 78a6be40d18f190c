import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../../services/get-service';
import { sendCsv } from '../../../csv/csv-response';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const csv = await getService(strapi, 'contactExport').csv(ctx.query);
    sendCsv(ctx, csv.fileName, csv.stream);
  },
});
