import { useIntl } from 'react-intl';
import { Checkbox, Field, Flex, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import type { ScheduleWindow, WindowZone } from '../../../../shared/contracts/schedule';
import { errorFor } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TextField } from './TextField';

interface Props {
  window: ScheduleWindow;
  onChange: (window: ScheduleWindow) => void;
  /** The server's errors under `window` (`window.start`, `window.days`...). */
  errors: Record<string, string>;
}

const ISO_DAYS = [1, 2, 3, 4, 5, 6, 7];

/** The weekday's short name in the editor's language: 2024-01-01 was a Monday. */
const dayName = (isoDay: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoDay)));

/** When sending may happen: the days, the hours, and on whose clock. */
export const ScheduleWindowFields = ({ window, onChange, errors }: Props) => {
  const t = usePluginMessages();
  const { locale } = useIntl();
  const toggleDay = (day: number, on: boolean) =>
    onChange({ ...window, days: on ? [...new Set([...window.days, day])].sort() : window.days.filter((d) => d !== day) });
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="schedule-window-days" error={errorFor(errors, 'window.days')}>
        <Field.Label>{t('schedule.window.days', 'Days')}</Field.Label>
        <Flex gap={3} wrap="wrap">
          {ISO_DAYS.map((day) => (
            <Checkbox
              key={day}
              checked={window.days.includes(day)}
              onCheckedChange={(on: boolean | 'indeterminate') => toggleDay(day, on === true)}
            >
              {dayName(day, locale)}
            </Checkbox>
          ))}
        </Flex>
        <Field.Error />
      </Field.Root>
      <Grid.Root gap={4}>
        <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
          <TextField
            name="schedule-window-start"
            type="time"
            label={t('schedule.window.start', 'Opens at')}
            value={window.start}
            onChange={(start) => onChange({ ...window, start })}
            error={errorFor(errors, 'window.start')}
            required
          />
        </Grid.Item>
        <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
          <TextField
            name="schedule-window-end"
            type="time"
            label={t('schedule.window.end', 'Closes at')}
            value={window.end}
            onChange={(end) => onChange({ ...window, end })}
            error={errorFor(errors, 'window.end')}
            required
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name="schedule-window-zone">
            <Field.Label>{t('schedule.window.zone', 'On the clock of')}</Field.Label>
            <SingleSelect value={window.zone} onChange={(zone: string | number) => onChange({ ...window, zone: zone as WindowZone })}>
              <SingleSelectOption value="recipient">{t('schedule.window.zone.recipient', 'each recipient')}</SingleSelectOption>
              <SingleSelectOption value="campaign">{t('schedule.window.zone.campaign', 'the campaign’s time zone')}</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <Typography variant="pi" textColor="neutral600">
        {t('schedule.window.hint', 'What would fall outside these hours waits for their next opening.')}
      </Typography>
    </Flex>
  );
};
