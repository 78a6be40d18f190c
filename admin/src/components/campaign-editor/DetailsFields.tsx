import { Grid } from '@strapi/design-system';
import { canEditField, type CampaignState } from '../../../../shared/contracts/campaign-lifecycle';
import type { Sender } from '../../../../shared/contracts/sending';
import type { Segment } from '../../../../shared/contracts/segments';
import { errorFor } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
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
  canWrite: boolean;
  /** Which fields stay open is the lifecycle's say (shared/contracts/campaign-lifecycle.ts). */
  state: CampaignState;
}

/** Subject, preheader, sender, reply-to and audience; the name is the header's. */
export const DetailsFields = ({ values, onChange, errors, senders, segments, audienceSize, canWrite, state }: Props) => {
  const t = usePluginMessages();
  const locked = (field: keyof CampaignFormValues) => !canWrite || !canEditField(state, field);
  const text = (field: 'subject' | 'preheader' | 'replyTo', label: string, hint?: string) => (
    <TextField
      name={field}
      label={label}
      hint={hint}
      type={field === 'replyTo' ? 'email' : 'text'}
      value={values[field]}
      onChange={(value) => onChange({ [field]: value })}
      error={errorFor(errors, field)}
      disabled={locked(field)}
    />
  );

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        {text(
          'subject',
          t('campaignEditor.field.subject', 'Subject'),
          t('campaignEditor.field.subject.hint', 'Liquid merge tags work here too: {tag}', { tag: '{{ contact.firstName }}' })
        )}
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        {text(
          'preheader',
          t('campaignEditor.field.preheader', 'Preheader'),
          t('campaignEditor.field.preheader.hint', 'The line inboxes show after the subject')
        )}
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <SenderField
          senders={senders}
          fromName={values.fromName}
          fromEmail={values.fromEmail}
          onChange={onChange}
          error={errorFor(errors, 'fromEmail') ?? errorFor(errors, 'fromName')}
          disabled={locked('fromEmail')}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {text('replyTo', t('campaignEditor.field.replyTo', 'Reply-to'))}
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <SegmentField
          segments={segments}
          value={values.segment}
          onChange={(segment) => onChange({ segment })}
          audienceSize={audienceSize}
          error={errorFor(errors, 'segment')}
          disabled={locked('segment')}
        />
      </Grid.Item>
    </Grid.Root>
  );
};
