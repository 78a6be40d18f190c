import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { Segment } from '../../../../shared/contracts/segments';
import { plural } from '../../format';

interface Props {
  segments: Segment[];
  value: string;
  onChange: (documentId: string) => void;
  /** Mailable contacts of the chosen segment: undefined while counting, null when unknown or none chosen. */
  audienceSize: number | null | undefined;
  error?: string;
  disabled?: boolean;
}

const audienceHint = (value: string, size: number | null | undefined) => {
  if (!value) return 'Who receives the campaign';
  if (size === undefined) return 'Counting…';
  return size === null ? 'Its audience could not be counted' : `${plural(size, 'contact')} can be mailed`;
};

/** The audience: a saved segment, with how many of its contacts can be mailed now. */
export const SegmentField = ({ segments, value, onChange, audienceSize, error, disabled }: Props) => (
  <Field.Root name="segment" error={error} hint={<span role="status">{audienceHint(value, audienceSize)}</span>}>
    <Field.Label>Segment</Field.Label>
    <SingleSelect
      placeholder={segments.length ? 'Choose a segment' : 'No segment yet: build one under Segments'}
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
