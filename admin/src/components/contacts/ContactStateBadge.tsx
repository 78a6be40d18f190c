import type { ContactState } from '../../../../shared/contracts/contacts';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { StateBadge, type StateVariant } from '../StateBadge';

const VARIANT: Record<ContactState, StateVariant> = {
  subscribed: 'success',
  unsubscribed: 'neutral',
  bounced: 'warning',
  complained: 'danger',
};

export const ContactStateBadge = ({ state }: { state: ContactState }) => {
  const t = usePluginMessages();
  return <StateBadge state={t(`contacts.state.${state}`, state)} variant={VARIANT[state]} />;
};
