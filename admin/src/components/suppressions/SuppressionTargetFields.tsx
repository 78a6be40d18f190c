import { Field, SingleSelect, SingleSelectOption, Textarea } from '@strapi/design-system';
import { SUPPRESSION_REASONS, type SuppressionReason } from '../../../../shared/contracts/suppressions';
import { useGetTopicChoicesQuery } from '../../api/topics';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { REASON_LABELS, scopeOf, scopeValue, TOPIC_PREFIX } from './labels';

export interface TargetValues {
  reason: SuppressionReason;
  scope: 'global' | 'topic';
  topic: string | null;
  note: string;
}

interface Props {
  values: TargetValues;
  onChange: (values: TargetValues) => void;
  /** The server's messages by field. */
  errors: Record<string, string>;
}

/** Why (the reason), where (everywhere or one topic) and a note: what an add and an import say besides the addresses. */
export const SuppressionTargetFields = ({ values, onChange, errors }: Props) => {
  const t = usePluginMessages();
  const topics = useGetTopicChoicesQuery();
  return (
    <>
      <Field.Root name="reason" error={errors.reason}>
        <Field.Label>{t('suppressions.form.reason', 'Reason')}</Field.Label>
        <SingleSelect
          value={values.reason}
          onChange={(reason: string | number) => onChange({ ...values, reason: String(reason) as SuppressionReason })}
        >
          {SUPPRESSION_REASONS.filter((reason) => reason !== 'erased').map((reason) => (
            <SingleSelectOption key={reason} value={reason}>
              {t(REASON_LABELS[reason])}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      <Field.Root
        name="scope"
        error={errors.topic ?? errors.scope}
        hint={t('suppressions.form.scopeHint', 'A topic-scoped suppression stops only the campaigns of that topic.')}
      >
        <Field.Label>{t('suppressions.form.scope', 'Scope')}</Field.Label>
        <SingleSelect value={scopeValue(values)} onChange={(value: string | number) => onChange({ ...values, ...scopeOf(String(value)) })}>
          <SingleSelectOption value="global">{t('suppressions.scope.global', 'Global (every campaign)')}</SingleSelectOption>
          {(topics.data ?? []).map((topic) => (
            <SingleSelectOption key={topic.documentId} value={`${TOPIC_PREFIX}${topic.documentId}`}>
              {t('suppressions.scope.topic', 'Topic: {name}', { name: topic.name })}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Field.Root name="note" error={errors.note}>
        <Field.Label>{t('suppressions.form.note', 'Note')}</Field.Label>
        <Textarea
          value={values.note}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ ...values, note: e.target.value })}
        />
        <Field.Error />
      </Field.Root>
    </>
  );
};

/** The fields as the API takes them. */
export const targetInput = (values: TargetValues) => ({
  reason: values.reason,
  scope: values.scope,
  topic: values.scope === 'topic' ? values.topic : null,
  note: values.note.trim() || null,
});
