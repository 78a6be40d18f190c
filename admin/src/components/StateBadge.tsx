import { Status, Typography } from '@strapi/design-system';

export type StateVariant = 'neutral' | 'secondary' | 'alternative' | 'warning' | 'success' | 'danger';

/** A state word in the colour its page gives that state. */
export const StateBadge = ({ state, variant }: { state: string; variant: StateVariant }) => (
  <Status variant={variant} size="S">
    <Typography tag="span" variant="omega" fontWeight="bold">
      {state}
    </Typography>
  </Status>
);
