import { MultiSelect, MultiSelectOption } from '@strapi/design-system';
import type { ContactTopic } from '../../../../shared/contracts/contacts';

interface Props {
  label: string;
  topics: ContactTopic[];
  value: string[];
  onChange: (documentIds: string[]) => void;
  hasError?: boolean;
  disabled?: boolean;
  /** What the picker says when there is no topic to pick. */
  noTopicPlaceholder?: string;
}

/** Picks topics by name; the value is their documentIds. */
export const TopicsSelect = ({ label, topics, value, onChange, hasError, disabled, noTopicPlaceholder = 'No topic yet' }: Props) => (
  <MultiSelect
    aria-label={label}
    placeholder={topics.length ? 'Choose topics' : noTopicPlaceholder}
    value={value}
    onChange={onChange}
    onClear={() => onChange([])}
    clearLabel="Clear topics"
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
