import { Flex } from '@strapi/design-system';
import { SUPPRESSION_REASONS } from '../../../../shared/contracts/suppressions';
import { useGetTopicChoicesQuery } from '../../api/topics';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FilterSearchbar } from '../list/FilterSearchbar';
import { FilterSelect } from '../list/FilterSelect';
import { REASON_LABELS, TOPIC_PREFIX } from './labels';

export interface SuppressionFilterValues {
  search: string;
  reason: string;
  /** '' (any), 'global', 'topic' (any topic) or 'topic:<documentId>'. */
  scope: string;
  status: string;
  sort: string;
}

/** Address search (once typing pauses), reason, scope (global, any topic, one topic), active or expired, and the order. */
export const SuppressionFilters = ({
  values,
  onChange,
}: {
  values: SuppressionFilterValues;
  onChange: (values: Partial<SuppressionFilterValues>) => void;
}) => {
  const t = usePluginMessages();
  const topics = useGetTopicChoicesQuery();
  return (
    <Flex gap={2} wrap="wrap">
      <FilterSearchbar
        value={values.search}
        onSearch={(search) => onChange({ search })}
        label={t('suppressions.filters.search', 'Search suppressions')}
        placeholder={t('suppressions.filters.searchPlaceholder', 'Email address')}
        clearLabel={t('suppressions.filters.clearSearch', 'Clear the search')}
      />
      <FilterSelect
        label={t('suppressions.filters.reason', 'Reason')}
        placeholder={t('suppressions.filters.anyReason', 'Any reason')}
        value={values.reason}
        onChange={(reason) => onChange({ reason })}
        options={SUPPRESSION_REASONS.map((reason) => ({ value: reason, label: t(REASON_LABELS[reason]) }))}
      />
      <FilterSelect
        label={t('suppressions.filters.scope', 'Scope')}
        placeholder={t('suppressions.filters.anyScope', 'Any scope')}
        value={values.scope}
        onChange={(scope) => onChange({ scope })}
        options={[
          { value: 'global', label: t('suppressions.filters.global', 'Global') },
          { value: 'topic', label: t('suppressions.filters.anyTopic', 'Any topic') },
          ...(topics.data ?? []).map((topic) => ({
            value: `${TOPIC_PREFIX}${topic.documentId}`,
            label: t('suppressions.scope.topic', 'Topic: {name}', { name: topic.name }),
          })),
        ]}
      />
      <FilterSelect
        label={t('suppressions.filters.status', 'Status')}
        placeholder={t('suppressions.filters.anyStatus', 'Active or expired')}
        value={values.status}
        onChange={(status) => onChange({ status })}
        options={[
          { value: 'active', label: t('suppressions.status.active', 'Active') },
          { value: 'expired', label: t('suppressions.status.expired', 'Expired') },
        ]}
      />
      <FilterSelect
        label={t('suppressions.filters.sort', 'Order')}
        placeholder={t('suppressions.sort.newest', 'Newest first')}
        value={values.sort}
        onChange={(sort) => onChange({ sort })}
        options={[
          { value: 'createdAt:desc', label: t('suppressions.sort.newest', 'Newest first') },
          { value: 'createdAt:asc', label: t('suppressions.sort.oldest', 'Oldest first') },
        ]}
      />
    </Flex>
  );
};
