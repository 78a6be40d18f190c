import { useEffect, useState } from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import type { Contact } from '../../../../shared/contracts/contacts';
import { useContactsApi } from '../../api/contacts';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

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
  const api = useContactsApi();
  const [text, setText] = useState('');
  const search = useDebouncedValue(text, SEARCH_DELAY_MS);
  const [options, setOptions] = useState<Contact[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api.list({ page: 1, pageSize: 10, ...(search ? { search } : {}) }).then(
      (r) => !cancelled && setOptions(r.data),
      () => !cancelled && setOptions([])
    ).finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  return (
    <Field.Root name="previewContact" hint="Empty: a sample contact">
      <Field.Label>Preview as</Field.Label>
      <Combobox
        placeholder="Search contacts"
        autocomplete={{ type: 'list', filter: 'contains' }}
        value={value || undefined}
        textValue={text}
        onTextValueChange={setText}
        onInputChange={(e: React.ChangeEvent<HTMLInputElement>) => setText(e.currentTarget.value)}
        onChange={(documentId?: string) => onChange(documentId ?? '')}
        onClear={() => {
          setText('');
          onChange('');
        }}
        clearLabel="Preview as the sample contact"
        loading={loading}
        noOptionsMessage={() => 'No contact matches'}
      >
        {options.map((contact) => (
          <ComboboxOption key={contact.documentId} value={contact.documentId} textValue={labelOf(contact)}>
            {labelOf(contact)}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
    </Field.Root>
  );
};
