import { Status, Typography } from '@strapi/design-system';
import type { ContactState } from '../../../../shared/contracts/contacts';

const VARIANT: Record<ContactState, 'success' | 'neutral' | 'warning' | 'danger'> = {
  subscribed: 'success',
  unsubscribed: 'neutral',
  bounced: 'warning',
  complained: 'danger',
};

export const ContactStateBadge = ({ state }: { state: ContactState }) => (
  <Status variant={VARIANT[state]} size="S">
    <Typography tag="span" variant="omega" fontWeight="bold">
      {state}
    </Typography>
  </Status>
);
