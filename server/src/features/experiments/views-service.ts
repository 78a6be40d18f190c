import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ExperimentSeries, VariantPreview } from '../../../../shared/contracts/experiments';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { getService } from '../../services/get-service';
import { parseOrThrow, bracketPath } from '../../validation/errors';
import { experimentPreviewInput } from '../../validation/experiment-preview-input';
import { CAMPAIGN_FIELDS } from '../sending/campaign-source';
import type { CampaignRow } from '../sending/prepared-campaign';
import { experimentSeries } from './series-store';
import { previewVariants } from './variant-preview';

/**
 * What the admin shows of a campaign's A/B test besides its set-up (service.ts): the variants'
 * messages side by side, rendered from the panel's unsaved values, and the test's metric over
 * time per variant. Both only read.
 */
const createExperimentViewsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const campaignOf = async (documentId: string): Promise<CampaignRow> => {
    const row = (await strapi.db
      .query(UID.campaign)
      .findOne({ where: { documentId }, select: [...CAMPAIGN_FIELDS] })) as CampaignRow | null;
    if (!row) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
    return row;
  };

  return {
    async preview(documentId: string, input: unknown): Promise<VariantPreview[]> {
      const parsed = parseOrThrow(experimentPreviewInput, input, 'experiment preview', bracketPath);
      return previewVariants(rootOf(strapi).readiness, await campaignOf(documentId), parsed);
    },

    /** Null before the campaign's send started; a 404 for a campaign without a test. */
    async series(documentId: string): Promise<ExperimentSeries | null> {
      const campaign = await campaignOf(documentId);
      const experiment = await getService(strapi, 'experiments').find(documentId);
      if (!experiment) throw new errors.NotFoundError(`Campaign "${campaign.name}" has no A/B test`);
      return experimentSeries(strapi.db.connection, campaign.id, experiment, Date.now());
    },
  };
};

export type ExperimentViewsService = ReturnType<typeof createExperimentViewsService>;
export default createExperimentViewsService;
