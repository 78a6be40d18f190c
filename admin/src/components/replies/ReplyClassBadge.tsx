import type { ReplyClass } from '../../../../shared/contracts/replies';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { StateBadge } from '../StateBadge';
import { CLASS_BADGES } from './reply-labels';

export const ReplyClassBadge = ({ replyClass }: { replyClass: ReplyClass }) => {
  const t = usePluginMessages();
  return <StateBadge state={t(CLASS_BADGES[replyClass].label)} variant={CLASS_BADGES[replyClass].variant} />;
};
