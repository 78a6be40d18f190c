import { StateBadge, type StateVariant } from './StateBadge';
import type { CampaignState } from '../../../shared/contracts/campaigns';

const VARIANT: Record<CampaignState, StateVariant> = {
  draft: 'neutral',
  scheduled: 'secondary',
  sending: 'alternative',
  paused: 'warning',
  sent: 'success',
  cancelled: 'neutral',
  failed: 'danger',
};

export const CampaignStateBadge = ({ state }: { state: CampaignState }) => <StateBadge state={state} variant={VARIANT[state]} />;
