import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { Segment } from '../../../../shared/contracts/segments';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

interface Props {
  segments: Segment[];
  value: string;
  onChange: (documentId: string) => void;
  /** Mailable contacts of the chosen segment: undefined while counting, null when unknown or none chosen. */
  audienceSize: number | null | undefined;
  error?: string;
  disabled?: boolean;
}

/** The audience: a saved segment, with how many of its contacts can be mailed now. */
export const SegmentField = ({ segments, value, onChange, audienceSize, error, disabled }: Props) => {
  const t = usePluginMessages();
  const hint = !value
    ? t('campaignEditor.segment.hint', 'Who receives the campaign')
    : audienceSize === undefined
      ? t('campaignEditor.segment.counting', 'Counting…')
      : audienceSize === null
        ? t('campaignEditor.segment.uncounted', 'Its audience could not be counted')
        : t('campaignEditor.segment.mailable', '{count, plural, one {# contact} other {# contacts}} can be mailed', {
            count: audienceSize,
          });

  return (
    <Field.Root name="segment" error={error} hint={<span role="status">{hint}</span>}>
      <Field.Label>{t('campaignEditor.segment.label', 'Segment')}</Field.Label>
      <SingleSelect
        placeholder={
          segments.length
            ? t('campaignEditor.segment.placeholder', 'Choose a segment')
            : t('campaignEditor.segment.none', 'No segment yet: build one under Segments')
        }
        value={value || null}
        onChange={(documentId: string | number) => onChange(String(documentId))}
        onClear={disabled ? undefined : () => onChange('')}
        disabled={disabled}
      >
        {segments.map((segment) => (
          <SingleSelectOption key={segment.documentId} value={segment.documentId}>
            {segment.name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
