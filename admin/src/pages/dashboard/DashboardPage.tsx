import { Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { DASHBOARD_DAYS, type Dashboard, type DashboardDays } from '../../../../shared/contracts/analytics';
import { useDashboard } from '../../api/analytics';
import { CompareTable } from '../../components/dashboard/CompareTable';
import { DashboardTable } from '../../components/dashboard/DashboardTable';
import { HealthChart } from '../../components/dashboard/HealthChart';
import { formatRate } from '../../components/inbound/rates';
import { Section } from '../../components/layout/Section';
import { Tiles } from '../../components/results/Tiles';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

const DashboardTiles = ({ totals }: { totals: Dashboard['totals'] }) => {
  const t = usePluginMessages();
  const count = (n: number) => n.toLocaleString();
  return (
    <Tiles
      tiles={[
        {
          label: t('dashboard.tile.campaigns', 'Campaigns'),
          value: count(totals.campaigns),
          detail: t('dashboard.tile.campaignsDetail', 'sent in the period'),
        },
        {
          label: t('dashboard.tile.sent', 'Recipients'),
          value: count(totals.sent),
          detail: t('dashboard.tile.delivered', '{count} delivered', { count: count(totals.delivered) }),
        },
        {
          label: t('dashboard.tile.open', 'Open rate'),
          value: formatRate(totals.rates.open),
          detail: t('dashboard.tile.people', '{count} people', { count: count(totals.opens.human.unique) }),
        },
        {
          label: t('dashboard.tile.click', 'Click rate'),
          value: formatRate(totals.rates.click),
          detail: t('dashboard.tile.people', '{count} people', { count: count(totals.clicks.human.unique) }),
        },
        {
          label: t('dashboard.tile.unsubscribes', 'Unsubscribes'),
          value: count(totals.unsubscribes),
          detail: formatRate(totals.rates.unsubscribe),
        },
        {
          label: t('dashboard.tile.complaints', 'Complaint rate'),
          value: formatRate(totals.rates.complaint),
          detail: t('dashboard.tile.count', '{count} in all', { count: count(totals.complaints) }),
        },
        {
          label: t('dashboard.tile.hardBounces', 'Hard-bounce rate'),
          value: formatRate(totals.hardBounceRate),
          detail: t('dashboard.tile.count', '{count} in all', { count: count(totals.bounces.hard) }),
        },
      ]}
    />
  );
};

/**
 * Every campaign sent in the last 30 or 90 days: the period's figures together, each campaign's
 * complaint and hard-bounce rates against the providers' lines, the campaigns' table (sortable,
 * with sparklines, as CSV) and, for two to five ticked campaigns, their figures side by side.
 */
export const DashboardPage = () => {
  const t = usePluginMessages();
  const [days, setDays] = useState<DashboardDays>(30);
  const [selected, setSelected] = useState<string[]>([]);
  const dashboard = useDashboard(days);
  const title = t('dashboard.title', 'Dashboard');
  if (dashboard.isError) return <Page.Error />;
  const data = dashboard.data;
  const compared = data ? selected.flatMap((id) => data.campaigns.filter((c) => c.documentId === id)) : [];
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={t('dashboard.subtitle', 'The last {days} days of sends', { days })} />
      <Layouts.Action
        startActions={
          <Flex gap={2} role="group" aria-label={t('dashboard.period', 'Period')}>
            {DASHBOARD_DAYS.map((option) => (
              <Button
                key={option}
                variant={option === days ? 'secondary' : 'tertiary'}
                aria-pressed={option === days}
                onClick={() => {
                  setDays(option);
                  setSelected([]);
                }}
              >
                {t('dashboard.days', '{days} days', { days: option })}
              </Button>
            ))}
          </Flex>
        }
      />
      <Layouts.Content>
        {!data ? (
          <Page.Loading />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <DashboardTiles totals={data.totals} />
            {data.campaigns.length ? (
              <>
                <Section title={t('dashboard.health.section', 'Sender health')}>
                  <HealthChart campaigns={data.campaigns} />
                </Section>
                <Section title={t('dashboard.table.section', 'Campaigns in the period')}>
                  <DashboardTable
                    campaigns={data.campaigns}
                    selected={selected}
                    onSelect={setSelected}
                    fileName={`campaigns-${days}-days.csv`}
                  />
                </Section>
                <Section title={t('dashboard.compare.title', 'Side by side')}>
                  {compared.length >= 2 ? (
                    <CompareTable campaigns={compared} />
                  ) : (
                    <Typography textColor="neutral600">
                      {t('dashboard.compare.hint', 'Tick two to five campaigns in the table to see them side by side.')}
                    </Typography>
                  )}
                </Section>
              </>
            ) : (
              <Typography textColor="neutral600">{t('dashboard.empty', 'No campaign was sent in these {days} days.', { days })}</Typography>
            )}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
