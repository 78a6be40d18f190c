import { Status, Typography } from '@strapi/design-system';
import type { CampaignState } from '../../../shared/contracts/campaigns';

const VARIANT: Record<CampaignState, 'neutral' | 'secondary' | 'alternative' | 'warning' | 'success' | 'danger'> = {
  draft: 'neutral',
  scheduled: 'secondary',
  sending: 'alternative',
  paused: 'warning',
  sent: 'success',
  cancelled: 'neutral',
  failed: 'danger',
};

export const CampaignStateBadge = ({ state }: { state: CampaignState }) => (
  <Status variant={VARIANT[state]} size="S">
    <Typography tag="span" variant="omega" fontWeight="bold">
      {state}
    </Typography>
  </Status>
);
