import { Flex, Typography } from '@strapi/design-system';
import type { SendProgress } from '../../../../shared/contracts/sending';
import { formatDate } from '../../format';
import { CounterTiles } from '../progress/CounterTiles';
import { ProgressBar } from '../progress/ProgressBar';
import { percentDone } from './send-progress';

const tilesOf = (p: SendProgress) => [
  { label: 'Targeted', value: p.targeted, hint: 'Deliveries created for the audience' },
  { label: 'Sent', value: p.sent, hint: 'Accepted by the mail server' },
  { label: 'Failed', value: p.failed, hint: 'Refused or given up after retries' },
  { label: 'Suppressed', value: p.suppressed, hint: 'Skipped: unsubscribed, bounced or complained since the audience was taken' },
  { label: 'Unknown', value: p.unknown, hint: 'The mail server never said whether it took the message' },
  { label: 'Queued', value: p.queued + p.sending, hint: 'Waiting for, or in, a send' },
  ...(p.cancelled ? [{ label: 'Cancelled', value: p.cancelled, hint: 'Not sent: the campaign was cancelled' }] : []),
];

const statusOf = (p: SendProgress) => {
  if (p.dispatching) return 'Taking the audience…';
  if (p.finishedAt) return `Finished ${formatDate(p.finishedAt)}`;
  if (p.state === 'paused') return 'Paused';
  return p.startedAt ? `Started ${formatDate(p.startedAt)}` : '';
};

/** Where the send stands: the share of deliveries done and each state's count, updated while it moves. */
export const SendProgressPanel = ({ progress }: { progress: SendProgress }) => {
  const percent = percentDone(progress);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between">
        <Typography>{statusOf(progress)}</Typography>
        <Typography fontWeight="bold">{percent}%</Typography>
      </Flex>
      <ProgressBar value={percent} label="Sending progress" />
      <CounterTiles tiles={tilesOf(progress)} />
    </Flex>
  );
};
