import type { ImportState } from '../../../../shared/contracts/imports';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { StateBadge, type StateVariant } from '../StateBadge';

const VARIANT: Record<ImportState, StateVariant> = {
  queued: 'neutral',
  running: 'secondary',
  done: 'success',
  failed: 'danger',
};

export const ImportStateBadge = ({ state }: { state: ImportState }) => {
  const t = usePluginMessages();
  return <StateBadge state={t(`imports.state.${state}`, state)} variant={VARIANT[state]} />;
};
