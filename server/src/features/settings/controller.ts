import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Settings } from '../../../../shared/contracts/settings';
import type { GetSiteSettings, UpdateSiteSettings } from '../../../../shared/contracts/site-settings';
import { rootOf } from '../../composition/accessor';
import { configWarnings } from '../../config/deliverability';
import { describeRedis } from '../../queue/connection';
import { getPluginConfig } from '../../config/plugin-config';
import { getService } from '../../services/get-service';

/** The effective configuration without secrets, and whether the queues and workers answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const config = getPluginConfig(strapi);
    const body: { data: Settings } = {
      data: {
        redis: { connection: describeRedis(config.redis), prefix: config.redis.prefix },
        smtp: {
          host: config.smtp.host,
          port: config.smtp.port,
          secure: config.smtp.secure,
          user: config.smtp.auth?.user ?? null,
          pool: config.smtp.pool,
          maxConnections: config.smtp.maxConnections,
        },
        publicUrl: config.publicUrl ?? null,
        signingSecretSet: Boolean(config.signingSecret),
        dkim: config.sending.dkim ? { domainName: config.sending.dkim.domainName, keySelector: config.sending.dkim.keySelector } : null,
        postalAddress: config.sending.postalAddress ?? null,
        warnings: configWarnings(config),
        workerMode: config.workerMode,
        rateLimits: config.rateLimits,
        audienceSources: config.audienceSources.map(({ uid, emailField, fields, topics, mirrorDeletes }) => ({
          uid,
          emailField,
          fields,
          topics,
          mirrorDeletes,
        })),
        inbound: { policy: config.inbound.policy, rateGuard: config.inbound.rateGuard },
        health: await getService(strapi, 'queues').health(),
      },
    };
    ctx.body = body;
  },

  async findSite(ctx: Context) {
    const body: GetSiteSettings.Response = { data: await rootOf(strapi).siteSettings.get() };
    ctx.body = body;
  },

  /** The whole object in `{ data }`: a ValidationError (400) names every bad field, and nothing is stored. */
  async updateSite(ctx: Context) {
    const input = (ctx.request.body as Partial<UpdateSiteSettings.Request['body']> | undefined)?.data;
    const body: UpdateSiteSettings.Response = { data: await rootOf(strapi).siteSettings.save(input) };
    ctx.body = body;
  },
});
