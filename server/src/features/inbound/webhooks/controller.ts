import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../../services/get-service';
import { answeringRefusals } from '../http-errors';
import { readRawBody } from '../request-body';
import { WEBHOOK_PROVIDERS, type WebhookProviderName } from './provider';
import { WEBHOOK_MAX_BYTES } from './service';

/** One action per provider (a route each, index.ts), and Postmark's with the secret token in its path. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const receive = async (provider: WebhookProviderName, ctx: Context, pathToken?: string) => {
    const webhooks = getService(strapi, 'inboundWebhooks');
    // Fail closed: a provider the site has not configured has no endpoint.
    if (!webhooks.configured(provider, { pathToken })) return void (ctx.status = 404);
    const body = await readRawBody(ctx.req, WEBHOOK_MAX_BYTES, `a ${provider} webhook body`);
    const request = { body, header: (name: string) => ctx.get(name) || undefined, pathToken };
    const receipt = await answeringRefusals(ctx, `${provider} webhook`, strapi.log, () => webhooks.receive(provider, request));
    if (receipt === null) return;
    ctx.body = {
      data: {
        notices: receipt.notices,
        applied: receipt.outcomes.filter((outcome) => !outcome.repeat).length,
        repeats: receipt.outcomes.filter((outcome) => outcome.repeat).length,
        ...(receipt.confirmed && { subscriptionConfirmed: true }),
      },
    };
  };
  return {
    ...(Object.fromEntries(WEBHOOK_PROVIDERS.map((provider) => [provider, (ctx: Context) => receive(provider, ctx)])) as Record<
      WebhookProviderName,
      (ctx: Context) => Promise<void>
    >),
    postmarkWithToken: (ctx: Context) => receive('postmark', ctx, ctx.params.token),
  };
};
