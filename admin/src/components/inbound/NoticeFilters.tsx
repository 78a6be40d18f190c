import { Flex } from '@strapi/design-system';
import { BOUNCE_REASONS, NOTICE_KINDS, NOTICE_MATCH_FILTERS } from '../../../../shared/contracts/inbound';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FilterSearchbar } from '../list/FilterSearchbar';
import { FilterSelect } from '../list/FilterSelect';
import { KIND_LABELS } from './notice-labels';

export interface NoticeFilterValues {
  search: string;
  kind: string;
  reason: string;
  match: string;
}

/** Address search (once typing pauses), kind, reason, and matched or unmatched notices. */
export const NoticeFilters = ({
  values,
  onChange,
}: {
  values: NoticeFilterValues;
  onChange: (values: Partial<NoticeFilterValues>) => void;
}) => {
  const t = usePluginMessages();
  const matchLabels = {
    matched: t('inbound.filters.match.matched', 'Matched to a delivery'),
    unmatched: t('inbound.filters.match.unmatched', 'Unmatched'),
  };

  return (
    <Flex gap={2} wrap="wrap">
      <FilterSearchbar
        value={values.search}
        onSearch={(search) => onChange({ search })}
        label={t('inbound.filters.search', 'Search notices')}
        placeholder={t('inbound.filters.searchPlaceholder', 'Email address')}
        clearLabel={t('inbound.filters.clearSearch', 'Clear the search')}
      />
      <FilterSelect
        label={t('inbound.filters.kind', 'Kind')}
        placeholder={t('inbound.filters.anyKind', 'Any kind')}
        value={values.kind}
        onChange={(kind) => onChange({ kind })}
        options={NOTICE_KINDS.map((kind) => ({ value: kind, label: t(KIND_LABELS[kind]) }))}
      />
      <FilterSelect
        label={t('inbound.filters.reason', 'Reason')}
        placeholder={t('inbound.filters.anyReason', 'Any reason')}
        value={values.reason}
        onChange={(reason) => onChange({ reason })}
        options={BOUNCE_REASONS.map((reason) => ({ value: reason, label: reason }))}
      />
      <FilterSelect
        label={t('inbound.filters.match', 'Matched')}
        placeholder={t('inbound.filters.anyMatch', 'Matched or not')}
        value={values.match}
        onChange={(match) => onChange({ match })}
        options={NOTICE_MATCH_FILTERS.map((match) => ({ value: match, label: matchLabels[match] }))}
      />
    </Flex>
  );
};
