import { useEffect, useRef, useState } from 'react';
import { Flex, Searchbar, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { CONTACT_STATES, type ContactTopic } from '../../../../shared/contracts/contacts';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

const SEARCH_DELAY_MS = 300;
const ANY = '';

export interface ContactFilterValues {
  search: string;
  state: string;
  topic: string;
}

interface Props {
  values: ContactFilterValues;
  topics: ContactTopic[];
  onChange: (values: Partial<ContactFilterValues>) => void;
}

/** Search (as you type, once you pause), state and topic filters of the contacts table. */
export const ContactFilters = ({ values, topics, onChange }: Props) => {
  const t = usePluginMessages();
  const [typed, setTyped] = useState(values.search);
  // The search goes out once typing pauses: a timer of the keystrokes, not an effect of the typed
  // text, so a search that the address bar changes meanwhile is never overwritten by a stale one.
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const type = (text: string) => {
    setTyped(text);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => text !== values.search && onChange({ search: text }), SEARCH_DELAY_MS);
  };

  return (
    <Flex gap={2} wrap="wrap">
      <Searchbar
        name="search"
        value={typed}
        placeholder={t('contacts.filters.searchPlaceholder', 'Email or name')}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => type(e.target.value)}
        onClear={() => type('')}
        clearLabel={t('contacts.filters.clearSearch', 'Clear the search')}
      >
        {t('contacts.filters.search', 'Search contacts')}
      </Searchbar>
      <SingleSelect
        aria-label={t('contacts.filters.state', 'State')}
        placeholder={t('contacts.filters.anyState', 'Any state')}
        value={values.state || ANY}
        onChange={(state: string | number) => onChange({ state: String(state) })}
        onClear={() => onChange({ state: ANY })}
        size="S"
      >
        {CONTACT_STATES.map((state) => (
          <SingleSelectOption key={state} value={state}>
            {t(`contacts.state.${state}`, state)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <SingleSelect
        aria-label={t('contacts.filters.topic', 'Topic')}
        placeholder={t('contacts.filters.anyTopic', 'Any topic')}
        value={values.topic || ANY}
        onChange={(topic: string | number) => onChange({ topic: String(topic) })}
        onClear={() => onChange({ topic: ANY })}
        size="S"
      >
        {topics.map((t) => (
          <SingleSelectOption key={t.documentId} value={t.documentId}>
            {t.name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Flex>
  );
};
