import { DateTimePicker, Field } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { adminTimeZone, dateOf, isoWithOffset } from './send-time';

interface Props {
  name: string;
  /** ISO 8601 with its offset, or '' for none (the variant goes out with the others). */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled: boolean;
  /** Instead of the variant's "empty: sent with the others" (a factorial level always has a time). */
  hint?: string;
}

/**
 * A send-time variant's time, picked on the admin's own clock and stored as ISO 8601 with that
 * clock's offset; the server checks it is in the future. Cleared, the variant goes with the others.
 */
export const SendTimeField = ({ name, value, onChange, error, disabled, hint }: Props) => {
  const t = usePluginMessages();
  return (
    <Field.Root
      name={name}
      error={error}
      hint={
        hint ??
        t('experiments.variant.sendAt.zone', 'For a send-time test, in your time zone ({zone}). Empty: sent with the others.', {
          zone: adminTimeZone(),
        })
      }
    >
      <Field.Label>{t('experiments.variant.sendAt', 'Send time')}</Field.Label>
      <DateTimePicker
        value={dateOf(value) ?? null}
        onChange={(date: Date | undefined) => onChange(date ? isoWithOffset(date) : '')}
        onClear={() => onChange('')}
        minDate={new Date()}
        disabled={disabled}
        dateLabel={t('experiments.variant.sendAt.date', 'Send date')}
        timeLabel={t('experiments.variant.sendAt.time', 'Send time of day')}
        clearLabel={t('experiments.variant.sendAt.clear', 'Clear the send time')}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
