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
  // What the editor typed, apart from the text the combobox shows: picking a contact fills the
  // input with its label, which must not become a search that drops the picked contact's option.
  const [typed, setTyped] = useState('');
  const search = useDebouncedValue(typed, SEARCH_DELAY_MS);
  const [options, setOptions] = useState<Contact[]>([]);
  const [picked, setPicked] = useState<Contact>();
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

  const shown = picked && !options.some((c) => c.documentId === picked.documentId) ? [picked, ...options] : options;

  return (
    <Field.Root name="previewContact" hint="Empty: a sample contact">
      <Field.Label>Preview as</Field.Label>
      <Combobox
        placeholder="Search contacts"
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
        clearLabel="Preview as the sample contact"
        loading={loading}
        noOptionsMessage={() => 'No contact matches'}
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
