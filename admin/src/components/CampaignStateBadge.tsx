import type { CampaignState } from '../../../shared/contracts/campaigns';
import { usePluginMessages } from '../hooks/use-plugin-messages';
import { StateBadge, type StateVariant } from './StateBadge';

const VARIANT: Record<CampaignState, StateVariant> = {
  draft: 'neutral',
  scheduled: 'secondary',
  sending: 'alternative',
  paused: 'warning',
  sent: 'success',
  cancelled: 'neutral',
  failed: 'danger',
};

export const CampaignStateBadge = ({ state }: { state: CampaignState }) => {
  const t = usePluginMessages();
  return <StateBadge state={t(`campaigns.state.${state}`, state)} variant={VARIANT[state]} />;
};
