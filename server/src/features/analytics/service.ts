import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CampaignReport } from '../../../../shared/contracts/analytics';
import { TABLES, UID } from '../../constants';
import { rebuildRollups } from './rebuild';
import { reportOf, type VariantDeliveries } from './report';
import { readRollups } from './rollup-store';

/**
 * A campaign's results, from the counters the event write path keeps (rollup-writer.ts): reading
 * a report reads the campaign's counters, never its raw events.
 */
const createAnalyticsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  const campaignIdOf = async (where: { documentId: string } | { id: number }) => {
    const row = (await strapi.db.query(UID.campaign).findOne({ where, select: ['id'] })) as { id: number } | null;
    if (!row) throw new errors.NotFoundError(`No campaign with ${'id' in where ? `id ${where.id}` : `documentId "${where.documentId}"`}`);
    return row.id;
  };

  return {
    /** Every figure of one campaign: audience, deliveries, engagement human and machine apart, rates, links, bounces by reason, the series. */
    async report(documentId: string): Promise<CampaignReport> {
      const campaignId = await campaignIdOf({ documentId });
      const [rollups, deliveries, links] = await Promise.all([
        readRollups(knex(), campaignId),
        knex()(TABLES.deliveries).select('variant', 'state').count({ n: '*' }).where('campaign_id', campaignId).groupBy('variant', 'state'),
        knex()(TABLES.links).select('id', 'url').where('campaign_id', campaignId),
      ]);
      const urls = new Map(links.map((link: { id: unknown; url: unknown }) => [Number(link.id), String(link.url)]));
      return reportOf(
        documentId,
        rollups,
        deliveries.map((row: Record<string, unknown>): VariantDeliveries => ({
          variant: String(row.variant ?? ''),
          state: String(row.state),
          count: Number(row.n),
        })),
        (linkId) => urls.get(linkId) ?? null
      );
    },

    /**
     * Recomputes the counters from the raw events: of one campaign (its documentId, or its numeric
     * id as the command line gives it), or of every campaign that has deliveries.
     */
    async rebuild({ campaign }: { campaign?: string | number } = {}) {
      if (campaign === undefined) return rebuildRollups(knex());
      const where = typeof campaign === 'number' || /^\d+$/.test(campaign) ? { id: Number(campaign) } : { documentId: campaign };
      return rebuildRollups(knex(), [await campaignIdOf(where)]);
    },
  };
};

export default createAnalyticsService;
