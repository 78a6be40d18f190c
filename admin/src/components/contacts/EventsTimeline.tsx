import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { ContactEvent } from '../../../../shared/contracts/contacts';

interface Props {
  rows: ContactEvent[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

const LABEL: Record<string, string> = {
  delivered: 'Delivered',
  open: 'Opened',
  click: 'Clicked',
  bounce: 'Bounced',
  complaint: 'Marked as spam',
  unsubscribe: 'Unsubscribed',
  reply: 'Replied',
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

/** What happened to the contact's mail, newest first. */
export const EventsTimeline = ({ rows, hasMore, loadingMore, onLoadMore }: Props) => {
  if (!rows.length) return <Typography textColor="neutral600">No event yet.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ol" aria-label="Events">
      {rows.map((e) => (
        <Box key={e.id} tag="li" paddingLeft={3} borderStyle="solid" borderColor="neutral200" borderWidth="0 0 0 2px">
          <Flex gap={2} wrap="wrap">
            <Typography fontWeight="bold">{LABEL[e.type] ?? e.type}</Typography>
            {e.campaign && <Typography textColor="neutral600">{e.campaign.name}</Typography>}
            {e.isBot && <Typography variant="pi" textColor="warning600">(automated: a scanner or privacy proxy)</Typography>}
          </Flex>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {e.occurredAt ? new Date(e.occurredAt).toLocaleString() : 'time unknown'}
            {detail(e) ? ` · ${detail(e)}` : ''}
          </Typography>
        </Box>
      ))}
      {hasMore && (
        <Box>
          <Button variant="tertiary" onClick={onLoadMore} loading={loadingMore}>
            Load more
          </Button>
        </Box>
      )}
    </Flex>
  );
};
