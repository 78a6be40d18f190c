import { useEffect, useRef, useState } from 'react';
import { Flex, Searchbar, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { BOUNCE_REASONS, NOTICE_KINDS, NOTICE_MATCH_FILTERS } from '../../../../shared/contracts/inbound';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { KIND_LABELS } from './notice-labels';

const SEARCH_DELAY_MS = 300;
const ANY = '';

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
  const [typed, setTyped] = useState(values.search);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const type = (text: string) => {
    setTyped(text);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => text !== values.search && onChange({ search: text }), SEARCH_DELAY_MS);
  };
  const matchLabels = {
    matched: t('inbound.filters.match.matched', 'Matched to a delivery'),
    unmatched: t('inbound.filters.match.unmatched', 'Unmatched'),
  };

  return (
    <Flex gap={2} wrap="wrap">
      <Searchbar
        name="search"
        value={typed}
        placeholder={t('inbound.filters.searchPlaceholder', 'Email address')}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => type(e.target.value)}
        onClear={() => type('')}
        clearLabel={t('inbound.filters.clearSearch', 'Clear the search')}
      >
        {t('inbound.filters.search', 'Search notices')}
      </Searchbar>
      <SingleSelect
        aria-label={t('inbound.filters.kind', 'Kind')}
        placeholder={t('inbound.filters.anyKind', 'Any kind')}
        value={values.kind || ANY}
        onChange={(kind: string | number) => onChange({ kind: String(kind) })}
        onClear={() => onChange({ kind: ANY })}
        size="S"
      >
        {NOTICE_KINDS.map((kind) => (
          <SingleSelectOption key={kind} value={kind}>
            {t(KIND_LABELS[kind])}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <SingleSelect
        aria-label={t('inbound.filters.reason', 'Reason')}
        placeholder={t('inbound.filters.anyReason', 'Any reason')}
        value={values.reason || ANY}
        onChange={(reason: string | number) => onChange({ reason: String(reason) })}
        onClear={() => onChange({ reason: ANY })}
        size="S"
      >
        {BOUNCE_REASONS.map((reason) => (
          <SingleSelectOption key={reason} value={reason}>
            {reason}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <SingleSelect
        aria-label={t('inbound.filters.match', 'Matched')}
        placeholder={t('inbound.filters.anyMatch', 'Matched or not')}
        value={values.match || ANY}
        onChange={(match: string | number) => onChange({ match: String(match) })}
        onClear={() => onChange({ match: ANY })}
        size="S"
      >
        {NOTICE_MATCH_FILTERS.map((match) => (
          <SingleSelectOption key={match} value={match}>
            {matchLabels[match]}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Flex>
  );
};
