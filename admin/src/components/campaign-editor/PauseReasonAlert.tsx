import { useState } from 'react';
import { Alert } from '@strapi/design-system';
import type { CampaignPauseReason } from '../../../../shared/contracts/campaigns';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { formatRate } from '../inbound/rates';

/** Why the system paused the campaign: the rate guard's figures, the template's error, or its schedule's. */
export const PauseReasonAlert = ({ reason }: { reason: CampaignPauseReason }) => {
  const t = usePluginMessages();
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  const date = formatDate(reason.at);
  const rate = reason.rate
    ? { rate: formatRate(reason.rate.value), limit: formatRate(reason.rate.limit), count: reason.rate.count, sent: reason.rate.sent, date }
    : { rate: '', limit: '', count: 0, sent: 0, date };
  const body = {
    'complaint-rate': t(
      'campaignEditor.pauseReason.complaint-rate',
      'Paused automatically on {date}: its complaint rate {rate} ({count, number} of {sent, number} sent) passed the limit of {limit}. Resume it once you know why.',
      rate
    ),
    'hard-bounce-rate': t(
      'campaignEditor.pauseReason.hard-bounce-rate',
      'Paused automatically on {date}: its hard-bounce rate {rate} ({count, number} of {sent, number} sent) passed the limit of {limit}. Resume it once you know why.',
      rate
    ),
    'template-error': t('campaignEditor.pauseReason.template-error', 'Paused on {date}: its template no longer renders ({message}).', {
      date,
      message: reason.message,
    }),
    'missed-time': t(
      'campaignEditor.pauseReason.missed-time',
      'Not sent on {date}: it missed its time ({message}). Resume to send it now, reschedule it, or cancel it.',
      { date, message: reason.message }
    ),
    'not-ready': t(
      'campaignEditor.pauseReason.not-ready',
      'Not sent on {date}: when its time came it could not be sent ({message}). Fix it, then resume or reschedule it.',
      { date, message: reason.message }
    ),
  }[reason.cause];
  return (
    <Alert
      variant="danger"
      title={t('campaignEditor.pauseReason.title', 'Paused by the plugin')}
      closeLabel={t('campaignEditor.pauseReason.close', 'Hide')}
      onClose={() => setHidden(true)}
    >
      {body}
    </Alert>
  );
};
