import { StateBadge, type StateVariant } from '../StateBadge';
import type { ContactState } from '../../../../shared/contracts/contacts';

const VARIANT: Record<ContactState, StateVariant> = {
  subscribed: 'success',
  unsubscribed: 'neutral',
  bounced: 'warning',
  complained: 'danger',
};

export const ContactStateBadge = ({ state }: { state: ContactState }) => <StateBadge state={state} variant={VARIANT[state]} />;
