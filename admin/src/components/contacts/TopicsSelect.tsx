import { MultiSelect, MultiSelectOption } from '@strapi/design-system';
import type { ContactTopic } from '../../../../shared/contracts/contacts';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

interface Props {
  label: string;
  topics: ContactTopic[];
  value: string[];
  onChange: (documentIds: string[]) => void;
  hasError?: boolean;
  disabled?: boolean;
  /** What the picker says when there is no topic to pick; "No topic yet" when absent. */
  noTopicPlaceholder?: string;
}

/** Picks topics by name; the value is their documentIds. */
export const TopicsSelect = ({ label, topics, value, onChange, hasError, disabled, noTopicPlaceholder }: Props) => {
  const t = usePluginMessages();
  return (
    <MultiSelect
      aria-label={label}
      placeholder={
        topics.length ? t('contacts.topics.choose', 'Choose topics') : (noTopicPlaceholder ?? t('contacts.topics.none', 'No topic yet'))
      }
      value={value}
      onChange={onChange}
      onClear={() => onChange([])}
      clearLabel={t('contacts.topics.clear', 'Clear topics')}
      hasError={hasError}
      disabled={disabled}
      withTags
    >
      {topics.map((t) => (
        <MultiSelectOption key={t.documentId} value={t.documentId}>
          {t.name}
        </MultiSelectOption>
      ))}
    </MultiSelect>
  );
};
