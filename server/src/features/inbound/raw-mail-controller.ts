import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../services/get-service';
import { answeringRefusals } from './http-errors';
import { RAW_MAIL_SIGNATURE_HEADER } from './raw-mail';
import { readRawBody } from './request-body';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async receive(ctx: Context) {
    const mail = getService(strapi, 'inboundMail');
    const secret = mail.secret();
    // Fail closed: with no secret the endpoint does not exist.
    if (!secret) return void (ctx.status = 404);
    if (!ctx.is('message/rfc822')) ctx.throw(415, 'send one raw mail as Content-Type: message/rfc822');
    const body = await readRawBody(ctx.req, mail.maxBytes(), 'the mail');
    const receipt = await answeringRefusals(ctx, 'raw mail', strapi.log, () =>
      mail.receive(body, ctx.get(RAW_MAIL_SIGNATURE_HEADER) || undefined, secret)
    );
    if (receipt === null) return;
    ctx.status = 202;
    ctx.body = { data: receipt };
  },
});
