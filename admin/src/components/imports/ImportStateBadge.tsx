import { Status, Typography } from '@strapi/design-system';
import type { ImportState } from '../../../../shared/contracts/imports';

const VARIANT: Record<ImportState, 'neutral' | 'secondary' | 'success' | 'danger'> = {
  queued: 'neutral',
  running: 'secondary',
  done: 'success',
  failed: 'danger',
};

export const ImportStateBadge = ({ state }: { state: ImportState }) => (
  <Status variant={VARIANT[state]} size="S">
    <Typography tag="span" variant="omega" fontWeight="bold">
      {state}
    </Typography>
  </Status>
);
