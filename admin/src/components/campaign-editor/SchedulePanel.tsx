import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Checkbox, Dialog, Field, Flex, Grid, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { Campaign } from '../../../../shared/contracts/campaigns';
import type { CampaignSchedule, ScheduleWindow } from '../../../../shared/contracts/schedule';
import { errorFor } from '../../api/errors';
import { useCheckCampaignMutation } from '../../api/presend';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TimeZoneInput } from '../contacts/TimeZoneInput';
import { PresendSummary } from './PresendSummary';
import { ScheduleSummary } from './ScheduleSummary';
import { ScheduleWindowFields } from './ScheduleWindowFields';
import { TextField } from './TextField';
import { useSchedulePreview } from './use-schedule-preview';
import { OnOffSwitch } from '../OnOffSwitch';

interface Props {
  campaign: Pick<Campaign, 'documentId' | 'state' | 'sendAt' | 'schedule'>;
  /** The server's errors of the last attempt, by field (`date`, `time`, `timezone`, `window.start`...). */
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

const OFFICE_HOURS: ScheduleWindow = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', zone: 'recipient' };

/**
 * When a draft goes out, or when a scheduled campaign now will: a date and a time on the clock of a
 * time zone, or on each recipient's own clock; optionally spread over hours, and held inside a send
 * window. The server plans it over the audience (it alone knows their zones) and the summary says
 * what it will do before the editor commits.
 */
export const SchedulePanel = ({ campaign, errors, onSchedule }: Props) => {
  const t = usePluginMessages();
  const { locale } = useIntl();
  const saved = campaign.schedule;
  const [date, setDate] = useState(saved?.date ?? tomorrowMorning().date);
  const [time, setTime] = useState(saved?.time ?? tomorrowMorning().time);
  const [timezone, setTimezone] = useState(saved?.timezone ?? browserZone());
  const [local, setLocal] = useState(saved?.mode === 'recipient-local');
  const [spread, setSpread] = useState(saved?.spreadHours ? String(saved.spreadHours) : '');
  const [windowOn, setWindowOn] = useState(Boolean(saved?.window));
  const [window, setWindow] = useState<ScheduleWindow>(saved?.window ?? OFFICE_HOURS);
  const [busy, setBusy] = useState(false);
  const scheduled = campaign.state === 'scheduled';

  const schedule: CampaignSchedule = {
    mode: local ? 'recipient-local' : 'at',
    date,
    time,
    timezone,
    // What is not a number goes as typed: the server says what to fix rather than dropping it.
    spreadHours: spread.trim() === '' ? null : Number.isFinite(Number(spread)) ? Number(spread) : (spread as unknown as number),
    window: windowOn ? window : null,
  };
  const preview = useSchedulePreview(campaign.documentId, schedule);
  // "Scheduled:" only while the fields still say what was saved.
  const asSaved =
    scheduled &&
    saved !== null &&
    JSON.stringify({ ...saved, spreadHours: saved.spreadHours ?? null, window: saved.window ?? null }) === JSON.stringify(schedule);

  const [check, checked] = useCheckCampaignMutation();
  const [confirming, setConfirming] = useState(false);
  const commit = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      await onSchedule(schedule);
    } finally {
      setBusy(false);
    }
  };
  // The pre-send check runs first: errors stop the schedule until the editor confirms it anyway.
  const submit = async () => {
    setBusy(true);
    const result = await check(campaign.documentId);
    setBusy(false);
    if ('data' in result && result.data.blocking) setConfirming(true);
    else await commit();
  };

  const when = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`)
  );
  const title = Number.isNaN(Date.parse(`${date}T00:00:00Z`))
    ? t('schedule.hint', 'Choose when it goes out: a date and a time on the clock of a time zone.')
    : local
      ? t('schedule.title.local', '{when}, {time} in each recipient’s time zone', { when, time })
      : t('schedule.title.at', '{when}, {time} in {zone}', { when, time, zone: timezone });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <ScheduleSummary title={title} preview={preview} scheduled={asSaved} />
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
          <Field.Root
            name="schedule-timezone"
            error={errorFor(errors, 'timezone')}
            hint={local ? t('schedule.timezone.localHint', 'For contacts without a time zone of their own.') : undefined}
            required
          >
            <Field.Label>{t('schedule.timezone', 'Time zone')}</Field.Label>
            <TimeZoneInput value={timezone} onChange={setTimezone} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <OnOffSwitch
            name="schedule-local"
            label={t('schedule.local', 'At this time in each recipient’s time zone')}
            checked={local}
            onChange={setLocal}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="schedule-spread"
            label={t('schedule.spread', 'Spread over (hours)')}
            hint={t('schedule.spread.hint', 'Leave empty to send each wave at once; 1 to 168 hours.')}
            value={spread}
            onChange={setSpread}
            error={errorFor(errors, 'spreadHours')}
          />
        </Grid.Item>
      </Grid.Root>
      <Checkbox checked={windowOn} onCheckedChange={(on: boolean | 'indeterminate') => setWindowOn(on === true)}>
        {t('schedule.window', 'Only send inside a window')}
      </Checkbox>
      {windowOn && <ScheduleWindowFields window={window} onChange={setWindow} errors={errors} />}
      <Box>
        <Button variant={scheduled ? 'secondary' : 'default'} loading={busy} onClick={submit}>
          {scheduled ? t('schedule.action.reschedule', 'Reschedule') : t('schedule.action.schedule', 'Schedule')}
        </Button>
      </Box>
      <Dialog.Root open={confirming} onOpenChange={setConfirming}>
        <ConfirmDialog onConfirm={commit} title={t('presend.title', 'Pre-send check')} variant="danger">
          <Dialog.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <PresendSummary report={checked.data} error={checked.error} unsaved={false} />
              <Typography>{t('presend.scheduleAnyway', 'Schedule it anyway?')}</Typography>
            </Flex>
          </Dialog.Body>
        </ConfirmDialog>
      </Dialog.Root>
    </Flex>
  );
};
