import { useIntl } from 'react-intl';
import { Flex, Typography } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import type { SchedulePreviewState } from './use-schedule-preview';

interface Props {
  /** The schedule in words: its day and time, and on whose clock. */
  title: string;
  preview: SchedulePreviewState;
  scheduled: boolean;
}

/**
 * The schedule in plain language, as the server planned it over the audience: "Wed 9 Dec, 09:00
 * in each recipient's time zone: first message Tue 20:00 UTC, last Wed 14:00 UTC, 3 waves, 1,204
 * contacts", or the reason it cannot be set.
 */
export const ScheduleSummary = ({ title, preview, scheduled }: Props) => {
  const t = usePluginMessages();
  const { locale } = useIntl();
  const utc = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      // UTC reads as a 24-hour clock in every language.
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).format(new Date(iso));
  const plan = preview.result;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} aria-live="polite">
      <Typography fontWeight="bold">{scheduled ? t('schedule.scheduledFor', 'Scheduled: {title}', { title }) : title}</Typography>
      {plan && (
        <Typography>
          {t(
            'schedule.plan',
            'First message {first} UTC, last {last} UTC; {waves, plural, one {# wave} other {# waves}}, {contacts, plural, one {# contact} other {# contacts}}.',
            { first: utc(plan.firstAt), last: utc(plan.lastAt), waves: plan.waves.length, contacts: plan.contacts }
          )}
        </Typography>
      )}
      {preview.error && (
        <Typography textColor="danger600" role="alert">
          {preview.error}
        </Typography>
      )}
    </Flex>
  );
};
