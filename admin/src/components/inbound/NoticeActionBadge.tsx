import type { NoticeAction } from '../../../../shared/contracts/inbound';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { StateBadge } from '../StateBadge';
import { ACTION_BADGES } from './notice-labels';

export const NoticeActionBadge = ({ action }: { action: NoticeAction }) => {
  const t = usePluginMessages();
  return <StateBadge state={t(ACTION_BADGES[action].label)} variant={ACTION_BADGES[action].variant} />;
};
