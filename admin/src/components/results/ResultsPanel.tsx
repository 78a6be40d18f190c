import { Box, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { CampaignReport } from '../../../../shared/contracts/analytics';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { formatRate } from '../inbound/rates';
import { OnOffSwitch } from '../OnOffSwitch';
import { TableHead } from '../list/TableHead';

interface Tile {
  label: string;
  value: string;
  /** The count beside a rate, or what the figure counts. */
  detail: string;
}

const Tiles = ({ tiles }: { tiles: Tile[] }) => (
  <Flex gap={4} wrap="wrap">
    {tiles.map(({ label, value, detail }) => (
      <Box key={label} role="group" aria-label={label} background="neutral100" padding={4} hasRadius minWidth="10rem">
        <Typography variant="sigma" textColor="neutral600" tag="p">
          {label}
        </Typography>
        <Typography variant="alpha" tag="p">
          {value}
        </Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {detail}
        </Typography>
      </Box>
    ))}
  </Flex>
);

/**
 * A campaign's results from its live counters: people's opens and clicks by default (a privacy
 * proxy's prefetch and a link scanner's click are not a reader), machines' on demand; the links
 * people clicked and the bounces by reason.
 */
export const ResultsPanel = ({ report: r }: { report: CampaignReport }) => {
  const t = usePluginMessages();
  const [machines, setMachines] = useState(false);
  const count = (n: number) => n.toLocaleString();
  const tiles: Tile[] = [
    {
      label: t('results.delivered', 'Delivered'),
      value: count(r.delivered),
      detail: t('results.sent', '{count, number} sent', { count: r.sent }),
    },
    {
      label: t('results.opened', 'Opened'),
      value: formatRate(r.rates.open),
      detail: t('results.uniqueOf', '{unique, plural, one {# person} other {# people}}, {total, plural, one {# open} other {# opens}}', {
        unique: r.opens.human.unique,
        total: r.opens.human.total,
      }),
    },
    {
      label: t('results.clicked', 'Clicked'),
      value: formatRate(r.rates.click),
      detail: t(
        'results.uniqueClicks',
        '{unique, plural, one {# person} other {# people}}, {total, plural, one {# click} other {# clicks}}',
        {
          unique: r.clicks.human.unique,
          total: r.clicks.human.total,
        }
      ),
    },
    {
      label: t('results.clickToOpen', 'Click-to-open'),
      value: formatRate(r.rates.clickToOpen),
      detail: t('results.clickToOpen.hint', 'Of those who opened'),
    },
    {
      label: t('results.bounced', 'Bounced'),
      value: formatRate(r.rates.bounce),
      detail: t('results.bounces', '{hard, number} hard, {soft, number} soft', { hard: r.bounces.hard, soft: r.bounces.soft }),
    },
    { label: t('results.complaints', 'Complaints'), value: formatRate(r.rates.complaint), detail: count(r.complaints) },
    { label: t('results.unsubscribed', 'Unsubscribed'), value: formatRate(r.rates.unsubscribe), detail: count(r.unsubscribes) },
    ...(machines
      ? [
          {
            label: t('results.machineOpens', 'Machine opens'),
            value: count(r.opens.machine.unique),
            detail: t('results.machineOpens.hint', '{total, plural, one {# fetch} other {# fetches}} by privacy proxies and scanners', {
              total: r.opens.machine.total,
            }),
          },
          {
            label: t('results.machineClicks', 'Machine clicks'),
            value: count(r.clicks.machine.unique),
            detail: t('results.machineClicks.hint', '{total, plural, one {# click} other {# clicks}} by link scanners', {
              total: r.clicks.machine.total,
            }),
          },
        ]
      : []),
  ];
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <OnOffSwitch
        name="results-machines"
        label={t('results.includeMachines', 'Show machine opens and clicks')}
        checked={machines}
        onChange={setMachines}
      />
      <Tiles tiles={tiles} />
      {r.links.length > 0 && (
        <Table colCount={2} rowCount={r.links.length + 1} aria-label={t('results.links', 'Links clicked')}>
          <TableHead columns={[t('results.link', 'Link'), t('results.linkClicks', 'Clicks')]} />
          <Tbody>
            {r.links.map((link) => (
              <Tr key={link.linkId}>
                <Td>
                  <Typography ellipsis>{link.url ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{count(link.clicks)}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {r.bouncesByReason.length > 0 && (
        <Table colCount={2} rowCount={r.bouncesByReason.length + 1} aria-label={t('results.bounceReasons', 'Bounces by reason')}>
          <TableHead columns={[t('results.reason', 'Reason'), t('results.bounceCount', 'Bounces')]} />
          <Tbody>
            {r.bouncesByReason.map(({ reason, count: n }) => (
              <Tr key={reason}>
                <Td>
                  <Typography>{reason}</Typography>
                </Td>
                <Td>
                  <Typography>{count(n)}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
};
