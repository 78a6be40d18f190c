import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { DashboardCampaign } from '../../../../shared/contracts/analytics';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { formatRate } from '../inbound/rates';

/** Two to five campaigns side by side: a column each, a row per figure (people's opens and clicks). */
export const CompareTable = ({ campaigns }: { campaigns: DashboardCampaign[] }) => {
  const t = usePluginMessages();
  const count = (n: number) => n.toLocaleString();
  const figures: Array<{ label: string; value(c: DashboardCampaign): string }> = [
    { label: t('dashboard.compare.sent', 'Recipients'), value: (c) => count(c.sent) },
    { label: t('dashboard.compare.delivered', 'Delivered'), value: (c) => count(c.delivered) },
    { label: t('dashboard.compare.open', 'Open rate'), value: (c) => formatRate(c.rates.open) },
    { label: t('dashboard.compare.click', 'Click rate'), value: (c) => formatRate(c.rates.click) },
    { label: t('dashboard.compare.clickToOpen', 'Click-to-open rate'), value: (c) => formatRate(c.rates.clickToOpen) },
    {
      label: t('dashboard.compare.unsubscribes', 'Unsubscribes'),
      value: (c) => `${count(c.unsubscribes)} (${formatRate(c.rates.unsubscribe)})`,
    },
    { label: t('dashboard.compare.complaints', 'Complaints'), value: (c) => `${count(c.complaints)} (${formatRate(c.rates.complaint)})` },
    {
      label: t('dashboard.compare.hardBounces', 'Hard bounces'),
      value: (c) => `${count(c.bounces.hard)} (${formatRate(c.hardBounceRate)})`,
    },
    { label: t('dashboard.compare.softBounces', 'Soft bounces'), value: (c) => count(c.bounces.soft) },
  ];
  const title = t('dashboard.compare.title', 'Side by side');
  return (
    <Table colCount={campaigns.length + 1} rowCount={figures.length + 1} aria-label={title}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('dashboard.compare.figure', 'Figure')}</Typography>
          </Th>
          {campaigns.map((campaign) => (
            <Th key={campaign.documentId}>
              <Typography variant="sigma">{campaign.name}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {figures.map((figure) => (
          <Tr key={figure.label}>
            <Td>
              <Typography fontWeight="bold">{figure.label}</Typography>
            </Td>
            {campaigns.map((campaign) => (
              <Td key={campaign.documentId}>
                <Typography>{figure.value(campaign)}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
