import { useState } from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import type { Contact } from '../../../../shared/contracts/contacts';
import { useGetContactsQuery } from '../../api/contacts';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

const SEARCH_DELAY_MS = 300;

const labelOf = (contact: Pick<Contact, 'email' | 'firstName' | 'lastName'>) => {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return name ? `${name} <${contact.email}>` : contact.email;
};

interface Props {
  /** documentId of the contact to render as; empty for the server's sample contact. */
  value: string;
  onChange: (documentId: string) => void;
}

/** Picks the contact the preview merges, searching contacts by email or name as the editor types. */
export const PreviewContactPicker = ({ value, onChange }: Props) => {
  const t = usePluginMessages();
  const [text, setText] = useState('');
  // What the editor typed, apart from the text the combobox shows: picking a contact fills the
  // input with its label, which must not become a search that drops the picked contact's option.
  const [typed, setTyped] = useState('');
  const search = useDebouncedValue(typed, SEARCH_DELAY_MS);
  const [picked, setPicked] = useState<Contact>();
  const { data, isError, isFetching: loading } = useGetContactsQuery({ page: 1, pageSize: 10, ...(search ? { search } : {}) });
  // The previous search's contacts stay offered while the next one loads.
  const options = isError ? [] : (data?.data ?? []);

  const shown = picked && !options.some((c) => c.documentId === picked.documentId) ? [picked, ...options] : options;

  return (
    <Field.Root name="previewContact" hint={t('campaignEditor.previewAs.hint', 'Empty: a sample contact')}>
      <Field.Label>{t('campaignEditor.previewAs.label', 'Preview as')}</Field.Label>
      <Combobox
        placeholder={t('campaignEditor.previewAs.search', 'Search contacts')}
        autocomplete={{ type: 'list', filter: 'contains' }}
        value={value || undefined}
        textValue={text}
        onTextValueChange={setText}
        onInputChange={(e: React.ChangeEvent<HTMLInputElement>) => setTyped(e.currentTarget.value)}
        onChange={(documentId?: string) => {
          setPicked(shown.find((c) => c.documentId === documentId));
          onChange(documentId ?? '');
        }}
        onClear={() => {
          setText('');
          setTyped('');
          setPicked(undefined);
          onChange('');
        }}
        clearLabel={t('campaignEditor.previewAs.clear', 'Preview as the sample contact')}
        loading={loading}
        noOptionsMessage={() => t('campaignEditor.previewAs.noMatch', 'No contact matches')}
      >
        {shown.map((contact) => (
          <ComboboxOption key={contact.documentId} value={contact.documentId} textValue={labelOf(contact)}>
            {labelOf(contact)}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
    </Field.Root>
  );
};
