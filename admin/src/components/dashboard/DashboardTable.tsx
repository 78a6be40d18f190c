import { Checkbox, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { DashboardCampaign } from '../../../../shared/contracts/analytics';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { formatRate } from '../inbound/rates';
import { CsvButton } from '../results/CsvButton';
import { ResultsHeading } from '../results/ResultsHeading';
import { COMPARE_MAX, nextSort, sortCampaigns, type Sort, type SortKey } from './sort';
import { Sparkline } from './Sparkline';
import { campaignPath } from '../campaign-editor/open-campaign';

/**
 * The period's campaigns with their key rates (people's only), sortable by any figure, each with a
 * sparkline of its opens; up to five are ticked for a side-by-side comparison. The CSV has what the
 * table shows, in its order.
 */
export const DashboardTable = ({
  campaigns,
  selected,
  onSelect,
  fileName,
}: {
  campaigns: DashboardCampaign[];
  selected: string[];
  onSelect(selected: string[]): void;
  fileName: string;
}) => {
  const t = usePluginMessages();
  const [sort, setSort] = useState<Sort>({ key: 'sentAt', direction: 'descending' });
  const rows = sortCampaigns(campaigns, sort);
  const columns: Array<{ key: SortKey; label: string; value(c: DashboardCampaign): string }> = [
    { key: 'name', label: t('dashboard.column.name', 'Campaign'), value: (c) => c.name },
    { key: 'sentAt', label: t('dashboard.column.sentAt', 'Sent'), value: (c) => formatDate(c.sentAt) },
    { key: 'sent', label: t('dashboard.column.sent', 'Recipients'), value: (c) => c.sent.toLocaleString() },
    { key: 'open', label: t('dashboard.column.open', 'Opened'), value: (c) => formatRate(c.rates.open) },
    { key: 'click', label: t('dashboard.column.click', 'Clicked'), value: (c) => formatRate(c.rates.click) },
    { key: 'unsubscribe', label: t('dashboard.column.unsubscribe', 'Unsubscribed'), value: (c) => formatRate(c.rates.unsubscribe) },
    { key: 'complaint', label: t('dashboard.column.complaint', 'Complaints'), value: (c) => formatRate(c.rates.complaint) },
    { key: 'hardBounce', label: t('dashboard.column.hardBounce', 'Hard bounces'), value: (c) => formatRate(c.hardBounceRate) },
  ];
  const full = selected.length >= COMPARE_MAX;
  const title = t('dashboard.table.title', 'Campaigns');
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <ResultsHeading title={title}>
        <CsvButton fileName={fileName} header={columns.map((c) => c.label)} rows={rows.map((row) => columns.map((c) => c.value(row)))} />
      </ResultsHeading>
      <Table colCount={columns.length + 2} rowCount={rows.length + 1} aria-label={title}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('dashboard.column.compare', 'Compare')}</Typography>
            </Th>
            {columns.map((column) => (
              <Th key={column.key} aria-sort={sort.key === column.key ? sort.direction : 'none'}>
                <button
                  type="button"
                  onClick={() => setSort(nextSort(sort, column.key))}
                  style={{ all: 'unset', cursor: 'pointer' }}
                  aria-label={t('dashboard.sortBy', 'Sort by {column}', { column: column.label })}
                >
                  <Typography variant="sigma">
                    {column.label}
                    {sort.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </Typography>
                </button>
              </Th>
            ))}
            <Th>
              <Typography variant="sigma">{t('dashboard.column.opensPerDay', 'Opens per day')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((campaign) => {
            const ticked = selected.includes(campaign.documentId);
            return (
              <Tr key={campaign.documentId}>
                <Td>
                  <Checkbox
                    aria-label={t('dashboard.compareOne', 'Compare {name}', { name: campaign.name })}
                    checked={ticked}
                    disabled={!ticked && full}
                    onCheckedChange={(on: boolean | 'indeterminate') =>
                      onSelect(on === true ? [...selected, campaign.documentId] : selected.filter((id) => id !== campaign.documentId))
                    }
                  />
                </Td>
                {columns.map((column) => (
                  <Td key={column.key}>
                    {column.key === 'name' ? (
                      <Link to={campaignPath(campaign.documentId)}>{campaign.name}</Link>
                    ) : (
                      <Typography>{column.value(campaign)}</Typography>
                    )}
                  </Td>
                ))}
                <Td>
                  <Sparkline daily={campaign.daily} />
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </Flex>
  );
};
