import type { BounceType, NoticeAction, NoticeKind } from '../../../../shared/contracts/inbound';
import { pluginMessage, type PluginMessage } from '../../hooks/use-plugin-messages';
import type { StateVariant } from '../StateBadge';

/** What the page calls each kind of notice. */
export const KIND_LABELS: Record<NoticeKind, PluginMessage> = {
  bounce: pluginMessage('inbound.kind.bounce', 'bounce'),
  complaint: pluginMessage('inbound.kind.complaint', 'complaint'),
  'auto-reply': pluginMessage('inbound.kind.auto-reply', 'auto-reply'),
  reply: pluginMessage('inbound.kind.reply', 'reply'),
  'unsubscribe-request': pluginMessage('inbound.kind.unsubscribe-request', 'unsubscribe request'),
  delivered: pluginMessage('inbound.kind.delivered', 'delivered'),
  unknown: pluginMessage('inbound.kind.unknown', 'unknown'),
  open: pluginMessage('inbound.kind.open', 'open'),
};

export const BOUNCE_TYPE_LABELS: Record<BounceType, PluginMessage> = {
  hard: pluginMessage('inbound.bounceType.hard', 'hard'),
  soft: pluginMessage('inbound.bounceType.soft', 'soft'),
  undetermined: pluginMessage('inbound.bounceType.undetermined', 'undetermined'),
};

/** What the pipeline did, in the colour of how much it changed. */
export const ACTION_BADGES: Record<NoticeAction, { label: PluginMessage; variant: StateVariant }> = {
  suppressed: { label: pluginMessage('inbound.action.suppressed', 'suppressed'), variant: 'danger' },
  'soft-counted': { label: pluginMessage('inbound.action.soft-counted', 'soft bounce counted'), variant: 'warning' },
  complained: { label: pluginMessage('inbound.action.complained', 'complaint: suppressed'), variant: 'danger' },
  unsubscribed: { label: pluginMessage('inbound.action.unsubscribed', 'unsubscribed'), variant: 'secondary' },
  recorded: { label: pluginMessage('inbound.action.recorded', 'recorded'), variant: 'neutral' },
  unmatched: { label: pluginMessage('inbound.action.unmatched', 'unmatched'), variant: 'alternative' },
  ignored: { label: pluginMessage('inbound.action.ignored', 'ignored'), variant: 'neutral' },
  undone: { label: pluginMessage('inbound.action.undone', 'undone'), variant: 'success' },
};
