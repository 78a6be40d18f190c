import type { SuppressionReason } from '../../../../shared/contracts/suppressions';
import { pluginMessage, type PluginMessage } from '../../hooks/use-plugin-messages';

/** How each reason reads on the page. */
export const REASON_LABELS: Record<SuppressionReason, PluginMessage> = {
  'hard-bounce': pluginMessage('suppressions.reason.hard-bounce', 'Hard bounce'),
  'soft-bounce-limit': pluginMessage('suppressions.reason.soft-bounce-limit', 'Soft-bounce limit'),
  complaint: pluginMessage('suppressions.reason.complaint', 'Complaint'),
  unsubscribe: pluginMessage('suppressions.reason.unsubscribe', 'Unsubscribe'),
  manual: pluginMessage('suppressions.reason.manual', 'Manual'),
  import: pluginMessage('suppressions.reason.import', 'Import'),
  erased: pluginMessage('suppressions.reason.erased', 'Erased'),
};

/** The scope filter and picker's value: "global", or "topic:<documentId>". */
export const TOPIC_PREFIX = 'topic:';

export const scopeValue = (scope: { scope: 'global' | 'topic'; topic?: string | null }) =>
  scope.scope === 'topic' && scope.topic ? `${TOPIC_PREFIX}${scope.topic}` : 'global';

export const scopeOf = (value: string): { scope: 'global' | 'topic'; topic: string | null } =>
  value.startsWith(TOPIC_PREFIX) ? { scope: 'topic', topic: value.slice(TOPIC_PREFIX.length) } : { scope: 'global', topic: null };
