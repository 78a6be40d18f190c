import { useState } from 'react';
import { Box, Button, Field, Flex, Grid, Typography } from '@strapi/design-system';
import type { Campaign } from '../../../../shared/contracts/campaigns';
import type { CampaignSchedule } from '../../../../shared/contracts/schedule';
import { errorFor } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TimeZoneInput } from '../contacts/TimeZoneInput';
import { TextField } from './TextField';

interface Props {
  campaign: Pick<Campaign, 'state' | 'sendAt' | 'schedule'>;
  /** The server's errors of the last attempt, by field (`date`, `time`, `timezone`...). */
  errors: Record<string, string>;
  /** Schedules (or moves) the campaign; the page says how it went. */
  onSchedule: (schedule: CampaignSchedule) => Promise<void>;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Tomorrow at 09:00, a time an editor is likely to want, as the fields' first values. */
const tomorrowMorning = () => {
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`, time: '09:00' };
};

/**
 * When a draft goes out, or when a scheduled campaign now will: a date and a time on the clock of a
 * time zone. The server decides the instant (a time that does not exist on a DST night is the first
 * instant after it) and answers it, shown here in the zone and in UTC.
 */
export const SchedulePanel = ({ campaign, errors, onSchedule }: Props) => {
  const t = usePluginMessages();
  const saved = campaign.schedule;
  const [date, setDate] = useState(saved?.date ?? tomorrowMorning().date);
  const [time, setTime] = useState(saved?.time ?? tomorrowMorning().time);
  const [timezone, setTimezone] = useState(saved?.timezone ?? browserZone());
  const [busy, setBusy] = useState(false);
  const scheduled = campaign.state === 'scheduled';

  const submit = async () => {
    setBusy(true);
    try {
      await onSchedule({ mode: 'at', date, time, timezone });
    } finally {
      setBusy(false);
    }
  };

  const when =
    scheduled && campaign.sendAt && saved
      ? t('schedule.summary', 'Goes out {when} in {zone} ({utc} UTC).', {
          when: new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone: saved.timezone }).format(
            new Date(campaign.sendAt)
          ),
          zone: saved.timezone,
          utc: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
            new Date(campaign.sendAt)
          ),
        })
      : t('schedule.hint', 'Choose when it goes out: a date and a time on the clock of a time zone.');

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography>{when}</Typography>
      <Grid.Root gap={4}>
        <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
          <TextField
            name="schedule-date"
            type="date"
            label={t('schedule.date', 'Date')}
            value={date}
            onChange={setDate}
            error={errorFor(errors, 'date')}
            required
          />
        </Grid.Item>
        <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
          <TextField
            name="schedule-time"
            type="time"
            label={t('schedule.time', 'Time')}
            value={time}
            onChange={setTime}
            error={errorFor(errors, 'time')}
            required
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name="schedule-timezone" error={errorFor(errors, 'timezone')} required>
            <Field.Label>{t('schedule.timezone', 'Time zone')}</Field.Label>
            <TimeZoneInput value={timezone} onChange={setTimezone} />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <Box>
        <Button variant={scheduled ? 'secondary' : 'default'} loading={busy} onClick={submit}>
          {scheduled ? t('schedule.action.reschedule', 'Reschedule') : t('schedule.action.schedule', 'Schedule')}
        </Button>
      </Box>
    </Flex>
  );
};
