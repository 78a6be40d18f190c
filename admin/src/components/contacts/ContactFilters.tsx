import { useEffect, useState } from 'react';
import { Flex, Searchbar, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { CONTACT_STATES, type ContactTopic } from '../../../../shared/contracts/contacts';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
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
  const search = useDebouncedValue(typed, SEARCH_DELAY_MS);

  useEffect(() => {
    if (search !== values.search) onChange({ search });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  return (
    <Flex gap={2} wrap="wrap">
      <Searchbar
        name="search"
        value={typed}
        placeholder={t('contacts.filters.searchPlaceholder', 'Email or name')}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTyped(e.target.value)}
        onClear={() => setTyped('')}
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
