import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { ContactEvent } from '../../../../shared/contracts/contacts';
import { timelineKey } from '../../api/event-pages';
import { pluginMessage, usePluginMessages, type PluginMessage } from '../../hooks/use-plugin-messages';
import { ReplyClassBadge } from '../replies/ReplyClassBadge';
import { replyPath } from '../replies/reply-paths';

interface Props {
  rows: ContactEvent[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

const LABEL: Record<string, PluginMessage> = {
  delivered: pluginMessage('contacts.events.delivered', 'Delivered'),
  open: pluginMessage('contacts.events.open', 'Opened'),
  click: pluginMessage('contacts.events.click', 'Clicked'),
  bounce: pluginMessage('contacts.events.bounce', 'Bounced'),
  complaint: pluginMessage('contacts.events.complaint', 'Marked as spam'),
  unsubscribe: pluginMessage('contacts.events.unsubscribe', 'Unsubscribed'),
  reply: pluginMessage('contacts.events.reply', 'Replied'),
};

/** A short reading of an event: the clicked link, an SMTP bounce's reply (its `message`); raw text as it is. */
const detail = ({ linkUrl, data }: ContactEvent): string | null => {
  if (linkUrl) return linkUrl;
  if (data === null || data === undefined) return null;
  if (typeof data !== 'object') return String(data);
  const d = data as Record<string, unknown>;
  const text = d.message ?? d.reason ?? d.diagnostic ?? d.subject;
  return typeof text === 'string' ? text : null;
};

/** What happened to the contact's mail, and the replies it sent, newest first. */
export const EventsTimeline = ({ rows, hasMore, loadingMore, onLoadMore }: Props) => {
  const t = usePluginMessages();
  if (!rows.length) return <Typography textColor="neutral600">{t('contacts.events.none', 'No event yet.')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ol" aria-label={t('contacts.events.label', 'Events')}>
      {rows.map((e) => (
        <Box key={timelineKey(e)} tag="li" paddingLeft={3} borderStyle="solid" borderColor="neutral200" borderWidth="0 0 0 2px">
          <Flex gap={2} wrap="wrap">
            <Typography fontWeight="bold">{LABEL[e.type] ? t(LABEL[e.type]) : e.type}</Typography>
            {e.reply && <ReplyClassBadge replyClass={e.reply.class} />}
            {e.campaign && <Typography textColor="neutral600">{e.campaign.name}</Typography>}
            {e.isBot && (
              <Typography variant="pi" textColor="warning600">
                {t('contacts.events.bot', '(automated: a scanner or privacy proxy)')}
              </Typography>
            )}
          </Flex>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {e.occurredAt ? new Date(e.occurredAt).toLocaleString() : t('contacts.events.timeUnknown', 'time unknown')}
            {detail(e) ? ` · ${detail(e)}` : ''}
          </Typography>
          {e.reply && (
            <Flex gap={2} wrap="wrap">
              <Typography textColor="neutral800">{e.reply.snippet}</Typography>
              <Link to={replyPath(e.reply.id)}>{t('contacts.events.readReply', 'Read the reply')}</Link>
            </Flex>
          )}
        </Box>
      ))}
      {hasMore && (
        <Box>
          <Button variant="tertiary" onClick={onLoadMore} loading={loadingMore}>
            {t('contacts.events.loadMore', 'Load more')}
          </Button>
        </Box>
      )}
    </Flex>
  );
};
