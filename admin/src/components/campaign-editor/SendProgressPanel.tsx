import { Flex, Typography } from '@strapi/design-system';
import type { SendProgress } from '../../../../shared/contracts/sending';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { CounterTiles } from '../progress/CounterTiles';
import { ProgressBar } from '../progress/ProgressBar';
import { percentDone } from './send-progress';

/** Where the send stands: the share of deliveries done and each state's count, updated while it moves. */
export const SendProgressPanel = ({ progress: p }: { progress: SendProgress }) => {
  const t = usePluginMessages();
  const percent = percentDone(p);
  const tiles = [
    {
      label: t('sending.count.targeted', 'Targeted'),
      value: p.targeted,
      hint: t('sending.count.targeted.hint', 'Deliveries created for the audience'),
    },
    { label: t('sending.count.sent', 'Sent'), value: p.sent, hint: t('sending.count.sent.hint', 'Accepted by the mail server') },
    {
      label: t('sending.count.failed', 'Failed'),
      value: p.failed,
      hint: t('sending.count.failed.hint', 'Refused or given up after retries'),
    },
    {
      label: t('sending.count.suppressed', 'Suppressed'),
      value: p.suppressed,
      hint: t('sending.count.suppressed.hint', 'Skipped: unsubscribed, bounced or complained since the audience was taken'),
    },
    {
      label: t('sending.count.unknown', 'Unknown'),
      value: p.unknown,
      hint: t('sending.count.unknown.hint', 'The mail server never said whether it took the message'),
    },
    {
      label: t('sending.count.queued', 'Queued'),
      value: p.queued + p.sending,
      hint: t('sending.count.queued.hint', 'Waiting for, or in, a send'),
    },
    ...(p.cancelled
      ? [
          {
            label: t('sending.count.cancelled', 'Cancelled'),
            value: p.cancelled,
            hint: t('sending.count.cancelled.hint', 'Not sent: the campaign was cancelled'),
          },
        ]
      : []),
  ];
  const status = p.dispatching
    ? t('sending.status.dispatching', 'Taking the audience…')
    : p.finishedAt
      ? t('sending.status.finished', 'Finished {date}', { date: formatDate(p.finishedAt) })
      : p.state === 'paused'
        ? t('sending.status.paused', 'Paused')
        : p.startedAt
          ? t('sending.status.started', 'Started {date}', { date: formatDate(p.startedAt) })
          : '';

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between">
        <Typography>{status}</Typography>
        <Typography fontWeight="bold">{percent}%</Typography>
      </Flex>
      <ProgressBar value={percent} label={t('sending.progress.label', 'Sending progress')} />
      <CounterTiles tiles={tiles} />
    </Flex>
  );
};
