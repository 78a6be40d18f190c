import { MultiSelect, MultiSelectOption } from '@strapi/design-system';
import type { ContactTopic } from '../../../../shared/contracts/contacts';

interface Props {
  label: string;
  topics: ContactTopic[];
  value: string[];
  onChange: (documentIds: string[]) => void;
  hasError?: boolean;
}

/** Picks topics by name; the value is their documentIds. */
export const TopicsSelect = ({ label, topics, value, onChange, hasError }: Props) => (
  <MultiSelect
    aria-label={label}
    placeholder={topics.length ? 'Choose topics' : 'No topic yet'}
    value={value}
    onChange={onChange}
    onClear={() => onChange([])}
    clearLabel="Clear topics"
    hasError={hasError}
    withTags
  >
    {topics.map((t) => (
      <MultiSelectOption key={t.documentId} value={t.documentId}>
        {t.name}
      </MultiSelectOption>
    ))}
  </MultiSelect>
);
