import { Flex } from '@strapi/design-system';
import { REPLY_CLASSES } from '../../../../shared/contracts/replies';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FilterSearchbar } from '../list/FilterSearchbar';
import { FilterSelect } from '../list/FilterSelect';
import { CLASS_BADGES } from './reply-labels';

/** `all` stands for "handled or not" in the URL: no value there means the inbox's default, not handled. */
export const HANDLED_FILTERS = ['no', 'yes', 'all'] as const;
export type HandledFilter = (typeof HANDLED_FILTERS)[number];

export interface ReplyFilterValues {
  search: string;
  class: string;
  /** A campaign's documentId, or ''. */
  campaign: string;
  handled: HandledFilter;
}

/** Sender or subject search (once typing pauses), class, campaign (among `campaigns`), and handled or not. */
export const ReplyFilters = ({
  values,
  campaigns,
  onChange,
}: {
  values: ReplyFilterValues;
  campaigns: ReadonlyArray<{ value: string; label: string }>;
  onChange: (values: Partial<ReplyFilterValues>) => void;
}) => {
  const t = usePluginMessages();
  const handledLabels: Record<HandledFilter, string> = {
    no: t('replies.filters.handled.no', 'Not handled'),
    yes: t('replies.filters.handled.yes', 'Handled'),
    all: t('replies.filters.handled.all', 'Handled or not'),
  };
  return (
    <Flex gap={2} wrap="wrap">
      <FilterSearchbar
        value={values.search}
        onSearch={(search) => onChange({ search })}
        label={t('replies.filters.search', 'Search replies')}
        placeholder={t('replies.filters.searchPlaceholder', 'Sender or subject')}
        clearLabel={t('replies.filters.clearSearch', 'Clear the search')}
      />
      <FilterSelect
        label={t('replies.filters.class', 'Class')}
        placeholder={t('replies.filters.anyClass', 'Any class')}
        value={values.class}
        onChange={(replyClass) => onChange({ class: replyClass })}
        options={REPLY_CLASSES.map((c) => ({ value: c, label: t(CLASS_BADGES[c].label) }))}
      />
      <FilterSelect
        label={t('replies.filters.campaign', 'Campaign')}
        placeholder={t('replies.filters.anyCampaign', 'Any campaign')}
        value={values.campaign}
        onChange={(campaign) => onChange({ campaign })}
        options={campaigns}
      />
      <FilterSelect
        label={t('replies.filters.handled', 'Handled')}
        placeholder={handledLabels.no}
        value={values.handled}
        onChange={(handled) => onChange({ handled: (handled || 'no') as HandledFilter })}
        options={HANDLED_FILTERS.map((h) => ({ value: h, label: handledLabels[h] }))}
      />
    </Flex>
  );
};
