import { Grid } from '@strapi/design-system';
import type { Sender } from '../../../../shared/contracts/sending';
import type { Segment } from '../../../../shared/contracts/segments';
import { errorFor } from '../../api/errors';
import type { CampaignFormValues } from './campaign-form';
import { SegmentField } from './SegmentField';
import { SenderField } from './SenderField';
import { TextField } from './TextField';

interface Props {
  values: CampaignFormValues;
  onChange: (next: Partial<CampaignFormValues>) => void;
  /** The server's errors by field path, each shown under its input. */
  errors: Record<string, string>;
  senders: Sender[];
  segments: Segment[];
  audienceSize: number | null | undefined;
  /** The name can change; the rest only while `editable` too. */
  canWrite: boolean;
  editable: boolean;
}

/** Name, subject, preheader, sender, reply-to and audience. */
export const DetailsFields = ({ values, onChange, errors, senders, segments, audienceSize, canWrite, editable }: Props) => {
  const locked = !canWrite || !editable;
  const text = (field: 'subject' | 'preheader' | 'replyTo', label: string, hint?: string) => (
    <TextField
      name={field}
      label={label}
      hint={hint}
      type={field === 'replyTo' ? 'email' : 'text'}
      value={values[field]}
      onChange={(value) => onChange({ [field]: value })}
      error={errorFor(errors, field)}
      disabled={locked}
    />
  );

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <TextField name="name" label="Name" required value={values.name} onChange={(name) => onChange({ name })} error={errorFor(errors, 'name')} disabled={!canWrite} />
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        {text('subject', 'Subject', 'Liquid merge tags work here too: {{ contact.firstName }}')}
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        {text('preheader', 'Preheader', 'The line inboxes show after the subject')}
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <SenderField
          senders={senders}
          fromName={values.fromName}
          fromEmail={values.fromEmail}
          onChange={onChange}
          error={errorFor(errors, 'fromEmail') ?? errorFor(errors, 'fromName')}
          disabled={locked}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {text('replyTo', 'Reply-to')}
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <SegmentField
          segments={segments}
          value={values.segment}
          onChange={(segment) => onChange({ segment })}
          audienceSize={audienceSize}
          error={errorFor(errors, 'segment')}
          disabled={locked}
        />
      </Grid.Item>
    </Grid.Root>
  );
};
