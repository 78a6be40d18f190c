import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../../services/get-service';

type RulesBody = { data?: { rules?: unknown } } | undefined;

/** Live answers for the segment builder while rules are edited, before they are saved. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async count(ctx: Context) {
    const rules = (ctx.request.body as RulesBody)?.data?.rules;
    ctx.body = { data: { count: await getService(strapi, 'segments').countRules(rules) } };
  },
  async choices(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'segments').ruleChoices(ctx.query) };
  },
  async preview(ctx: Context) {
    const rules = (ctx.request.body as RulesBody)?.data?.rules;
    ctx.body = { data: await getService(strapi, 'segments').previewRules(rules) };
  },
});
