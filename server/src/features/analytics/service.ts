import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  DASHBOARD_DAYS,
  REPORT_FIGURES,
  type CampaignReport,
  type Dashboard,
  type DashboardDays,
  type DomainReport,
  type FigureSegment,
} from '../../../../shared/contracts/analytics';
import { TABLES, UID } from '../../constants';
import { fieldError, parseOrThrow } from '../../validation/errors';
import { figureRules, figureSegmentName } from './figure-rules';
import { rebuildRollups } from './rebuild';
import { dashboardOf } from './dashboard';
import { countedStates, countStates, STATE_PREFIX, statesOf } from './delivery-counts';
import { readDomainReport } from './domain-store';
import { reportOf } from './report';
import { byCampaign, readRollups, rollupHourRowOf, rollupRowOf } from './rollup-store';

const SEGMENT_NAME_MAX = 200;

const dashboardQuery = z.strictObject({
  days: z
    .enum(DASHBOARD_DAYS.map(String) as [string, ...string[]], { error: `the period in days: ${DASHBOARD_DAYS.join(' or ')}` })
    .default('30')
    .transform((days) => Number(days) as DashboardDays),
});

const DAY_MS = 86_400_000;

const figureQuery = z.strictObject({
  figure: z.enum(REPORT_FIGURES),
  linkId: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'a link id (a whole number)')
    .transform(Number)
    .optional(),
});

/**
 * A campaign's results, from the counters the event write path keeps (rollup-writer.ts) and, once
 * it is over, its deliveries by state (delivery-counts.ts): reading a report reads counters, never
 * its raw events, and counts its deliveries only while it sends.
 */
const createAnalyticsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** The campaign's id and these of its fields, or a 404 naming what was asked for. */
  const campaignOf = async <F extends 'state' | 'name'>(where: { documentId: string } | { id: number }, fields: readonly F[] = []) => {
    const row = (await strapi.db.query(UID.campaign).findOne({ where, select: ['id', ...fields] })) as
      ({ id: number } & Record<F, string>) | null;
    if (!row) throw new errors.NotFoundError(`No campaign with ${'id' in where ? `id ${where.id}` : `documentId "${where.documentId}"`}`);
    return row;
  };

  return {
    /** Every figure of one campaign: audience, deliveries, engagement human and machine apart, rates, links, bounces by reason, the series. */
    async report(documentId: string): Promise<CampaignReport> {
      const campaign = await campaignOf({ documentId }, ['state']);
      const [rollups, links] = await Promise.all([
        readRollups(knex(), campaign.id),
        knex()(TABLES.links).select('id', 'url').where('campaign_id', campaign.id),
      ]);
      const deliveries = countedStates(rollups.totals) ?? (await countStates(knex(), campaign.id, campaign.state));
      return reportOf(
        documentId,
        { ...rollups, totals: rollups.totals.filter((row) => !row.metric.startsWith(STATE_PREFIX)) },
        deliveries,
        links.map((link: { id: unknown; url: unknown }) => ({ id: Number(link.id), url: String(link.url) }))
      );
    },

    /** The campaign's figures per recipient domain: its first domains and the rest summed (domain-store.ts). */
    async domains(documentId: string): Promise<DomainReport> {
      const campaign = await campaignOf({ documentId }, ['state']);
      return readDomainReport(knex(), { ...campaign, documentId });
    },

    /**
     * The campaigns whose send started in the last `days` (30 or 90), each with its figures and a
     * sparkline of its opens, and all of them together: their counters and kept states, read for
     * the whole period at once.
     */
    async dashboard(query: unknown): Promise<Dashboard> {
      const { days } = parseOrThrow(dashboardQuery, query, 'query');
      const now = Date.now();
      const sends = (await knex()(TABLES.sends)
        .select('campaign_id', 'started_at')
        .where('started_at', '>=', now - days * DAY_MS)) as Array<{ campaign_id: unknown; started_at: unknown }>;
      const startedAt = new Map(sends.map((row) => [Number(row.campaign_id), Number(row.started_at)]));
      const ids = [...startedAt.keys()];
      const campaigns = ids.length
        ? ((await strapi.db.query(UID.campaign).findMany({
            where: { id: { $in: ids } },
            select: ['id', 'documentId', 'name', 'state'],
          })) as Array<{ id: number; documentId: string; name: string; state: string }>)
        : [];
      const [totals, hours, states] = await Promise.all([
        ids.length
          ? knex()(TABLES.rollups)
              .select('campaign_id', 'variant', 'metric', 'value')
              .whereIn('campaign_id', ids)
              .whereNot('metric', 'like', `${STATE_PREFIX}%`)
          : [],
        ids.length
          ? knex()(TABLES.rollupHours)
              .select('campaign_id', 'variant', 'metric', 'hour', 'value')
              .whereIn('campaign_id', ids)
              .where('metric', 'open_human')
          : [],
        statesOf(knex(), campaigns),
      ]);
      const totalsOf = byCampaign(totals, rollupRowOf);
      const hoursOf = byCampaign(hours, rollupHourRowOf);
      return dashboardOf(
        days,
        now,
        campaigns.map((campaign) => ({
          documentId: campaign.documentId,
          name: campaign.name,
          state: campaign.state,
          sentAt: startedAt.get(campaign.id)!,
          totals: totalsOf.get(campaign.id) ?? [],
          states: states.get(campaign.id) ?? [],
          hours: hoursOf.get(campaign.id) ?? [],
        }))
      );
    },

    /**
     * The segment rules that select the contacts behind one of the campaign's figures
     * (figure-rules.ts), and a name for them; a link's clickers need one of the campaign's links.
     */
    async figureSegment(documentId: string, query: unknown): Promise<FigureSegment> {
      const { figure, linkId } = parseOrThrow(figureQuery, query, 'query');
      const campaign = await campaignOf({ documentId }, ['name']);
      if ((figure === 'clickedLink') !== (linkId !== undefined))
        throw fieldError(
          'query',
          'linkId',
          figure === 'clickedLink' ? 'a link id is needed for its clickers' : 'only "clickedLink" takes a link'
        );
      let url: string | null = null;
      if (linkId !== undefined) {
        const link = await knex()(TABLES.links).first('url').where({ id: linkId, campaign_id: campaign.id });
        if (!link) throw fieldError('query', 'linkId', `this campaign has no link ${linkId}`);
        url = String(link.url);
      }
      return {
        figure,
        linkId: linkId ?? null,
        name: figureSegmentName(campaign.name, figure, url).slice(0, SEGMENT_NAME_MAX),
        rules: figureRules(documentId, figure, linkId ?? null),
      };
    },

    /**
     * Recomputes the counters from the raw events: of one campaign (its documentId, or its numeric
     * id as the command line gives it), or of every campaign that has deliveries.
     */
    async rebuild({ campaign }: { campaign?: string | number } = {}) {
      if (campaign === undefined) return rebuildRollups(knex());
      const where = typeof campaign === 'number' || /^\d+$/.test(campaign) ? { id: Number(campaign) } : { documentId: campaign };
      return rebuildRollups(knex(), [(await campaignOf(where)).id]);
    },
  };
};

export default createAnalyticsService;
