import type { AutoReplyKind, ReplyClass, ReplyMatch, ReplyMatchNote } from '../../../../shared/contracts/replies';
import { pluginMessage, type PluginMessage } from '../../hooks/use-plugin-messages';
import type { StateVariant } from '../StateBadge';

/** What the inbox calls each class of reply, in the colour of what it asks of an editor. */
export const CLASS_BADGES: Record<ReplyClass, { label: PluginMessage; variant: StateVariant }> = {
  human: { label: pluginMessage('replies.class.human', 'reply'), variant: 'success' },
  'auto-reply': { label: pluginMessage('replies.class.auto-reply', 'auto-reply'), variant: 'neutral' },
  'unsubscribe-request': { label: pluginMessage('replies.class.unsubscribe-request', 'asks to be removed'), variant: 'warning' },
  bounce: { label: pluginMessage('replies.class.bounce', 'bounce'), variant: 'danger' },
  unknown: { label: pluginMessage('replies.class.unknown', 'unclassified'), variant: 'alternative' },
};

export const AUTO_REPLY_LABELS: Record<AutoReplyKind, PluginMessage> = {
  'out-of-office': pluginMessage('replies.autoReply.out-of-office', 'out of office'),
  'left-company': pluginMessage('replies.autoReply.left-company', 'no longer with the company'),
  ticket: pluginMessage('replies.autoReply.ticket', 'ticket acknowledgement'),
  other: pluginMessage('replies.autoReply.other', 'other auto-reply'),
};

export const MATCH_LABELS: Record<ReplyMatch, PluginMessage> = {
  'message-id': pluginMessage('replies.match.message-id', 'our Message-ID in its In-Reply-To or References'),
  'reply-address': pluginMessage('replies.match.reply-address', 'the signed reply address it was sent to'),
  sender: pluginMessage('replies.match.sender', "the sender's address only"),
};

export const MATCH_NOTE_LABELS: Record<ReplyMatchNote, PluginMessage> = {
  forwarded: pluginMessage('replies.matchNote.forwarded', 'A forwarded copy: someone other than the person we mailed sent it on.'),
  'other-address': pluginMessage(
    'replies.matchNote.other-address',
    'Sent from another address than the one we mailed (the same person, most likely).'
  ),
};
