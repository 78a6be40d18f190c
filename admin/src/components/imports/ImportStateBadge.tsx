import { StateBadge, type StateVariant } from '../StateBadge';
import type { ImportState } from '../../../../shared/contracts/imports';

const VARIANT: Record<ImportState, StateVariant> = {
  queued: 'neutral',
  running: 'secondary',
  done: 'success',
  failed: 'danger',
};

export const ImportStateBadge = ({ state }: { state: ImportState }) => <StateBadge state={state} variant={VARIANT[state]} />;
