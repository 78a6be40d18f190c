import { Flex } from '@strapi/design-system';
import { CONTACT_STATES, type ContactTopic } from '../../../../shared/contracts/contacts';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FilterSearchbar } from '../list/FilterSearchbar';
import { FilterSelect } from '../list/FilterSelect';

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

  return (
    <Flex gap={2} wrap="wrap">
      <FilterSearchbar
        value={values.search}
        onSearch={(search) => onChange({ search })}
        label={t('contacts.filters.search', 'Search contacts')}
        placeholder={t('contacts.filters.searchPlaceholder', 'Email or name')}
        clearLabel={t('contacts.filters.clearSearch', 'Clear the search')}
      />
      <FilterSelect
        label={t('contacts.filters.state', 'State')}
        placeholder={t('contacts.filters.anyState', 'Any state')}
        value={values.state}
        onChange={(state) => onChange({ state })}
        options={CONTACT_STATES.map((state) => ({ value: state, label: t(`contacts.state.${state}`, state) }))}
      />
      <FilterSelect
        label={t('contacts.filters.topic', 'Topic')}
        placeholder={t('contacts.filters.anyTopic', 'Any topic')}
        value={values.topic}
        onChange={(topic) => onChange({ topic })}
        options={topics.map((topic) => ({ value: topic.documentId, label: topic.name }))}
      />
    </Flex>
  );
};
