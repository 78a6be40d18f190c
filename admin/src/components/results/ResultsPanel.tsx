import { Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { CampaignReport, ReportFigure } from '../../../../shared/contracts/analytics';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { formatRate } from '../inbound/rates';
import { OnOffSwitch } from '../OnOffSwitch';
import { TableHead } from '../list/TableHead';
import { ClickMap } from './ClickMap';
import { CountTable } from './CountTable';
import { CsvButton } from './CsvButton';
import { DomainTable } from './DomainTable';
import { FigureContacts, type FigureChoice } from './FigureContacts';
import { ReplyCountsTable } from './ReplyCountsTable';
import { ResultsChart } from './ResultsChart';
import { ResultsHeading } from './ResultsHeading';
import { Tiles, type Tile } from './Tiles';

/** A file name for one of the report's tables: the campaign's name as far as a file system takes it. */
const csvFileName = (campaignName: string, table: string) =>
  `${campaignName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'campaign'}-${table}.csv`;

/**
 * A campaign's results from its live counters: people's opens and clicks by default (a privacy
 * proxy's prefetch and a link scanner's click are not a reader), machines' on demand; opens and
 * clicks over time, the links people clicked (and their share of clicks on the message, the click
 * map), the bounces by reason and the complaints by type, the figures per recipient domain (read
 * again while `live`), the readers by mail client and by device, each exported as CSV; the replies
 * by class, each count opening them in the inbox; and the contacts behind a figure, saved as a
 * segment in one click (a resend to non-openers).
 */
export const ResultsPanel = ({ report: r, campaignName, live }: { report: CampaignReport; campaignName: string; live: boolean }) => {
  const t = usePluginMessages();
  const [machines, setMachines] = useState(false);
  const [chosen, setChosen] = useState<FigureChoice | null>(null);
  const figures: Array<{ figure: ReportFigure; label: string }> = [
    { figure: 'opened', label: t('results.figure.opened', 'Opened') },
    { figure: 'notOpened', label: t('results.figure.notOpened', 'Did not open') },
    { figure: 'clicked', label: t('results.figure.clicked', 'Clicked') },
    { figure: 'notClicked', label: t('results.figure.notClicked', 'Did not click') },
    { figure: 'bouncedSoft', label: t('results.figure.bouncedSoft', 'Bounced soft') },
    { figure: 'bouncedHard', label: t('results.figure.bouncedHard', 'Bounced hard') },
  ];
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
      <Flex gap={2} wrap="wrap" role="group" aria-label={t('results.figures', 'Contacts behind the figures')}>
        <Typography variant="pi" textColor="neutral600">
          {t('results.figures', 'Contacts behind the figures')}
        </Typography>
        {figures.map((choice) => (
          <Button key={choice.figure} variant="secondary" size="S" onClick={() => setChosen(choice)}>
            {choice.label}
          </Button>
        ))}
      </Flex>
      <ResultsChart series={r.series} machines={machines} fileName={csvFileName(campaignName, 'over-time')} />
      {r.links.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <ResultsHeading title={t('results.links', 'Links clicked')}>
            <CsvButton
              fileName={csvFileName(campaignName, 'links')}
              header={[t('results.link', 'Link'), t('results.linkClicks', 'Clicks'), t('results.linkUniqueClicks', 'People')]}
              rows={r.links.map((link) => [link.url ?? '', link.clicks, link.uniqueClicks])}
            />
          </ResultsHeading>
          <Table colCount={4} rowCount={r.links.length + 1} aria-label={t('results.links', 'Links clicked')}>
            <TableHead
              columns={[
                t('results.link', 'Link'),
                t('results.linkClicks', 'Clicks'),
                t('results.linkUniqueClicks', 'People'),
                t('results.linkClickers', 'Who clicked'),
              ]}
            />
            <Tbody>
              {r.links.map((link) => (
                <Tr key={link.linkId}>
                  <Td>
                    <Typography ellipsis>{link.url ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{count(link.clicks)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{count(link.uniqueClicks)}</Typography>
                  </Td>
                  <Td>
                    <Button
                      variant="tertiary"
                      size="S"
                      onClick={() =>
                        setChosen({
                          figure: 'clickedLink',
                          linkId: link.linkId,
                          label: t('results.figure.clickedLink', 'Clicked {link}', { link: link.url ?? `#${link.linkId}` }),
                        })
                      }
                    >
                      {t('results.contacts.open', 'Contacts')}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Flex>
      )}
      <ClickMap documentId={r.documentId} links={r.links} />
      <CountTable
        title={t('results.bounceReasons', 'Bounces by reason')}
        nameLabel={t('results.reason', 'Reason')}
        countLabel={t('results.bounceCount', 'Bounces')}
        rows={r.bouncesByReason.map(({ reason, count }) => ({ name: reason, count }))}
        fileName={csvFileName(campaignName, 'bounces')}
      />
      <CountTable
        title={t('results.complaintReasons', 'Complaints by type')}
        nameLabel={t('results.reason', 'Reason')}
        countLabel={t('results.complaintCount', 'Complaints')}
        rows={r.complaintsByReason.map(({ reason, count }) => ({ name: reason, count }))}
        fileName={csvFileName(campaignName, 'complaints')}
      />
      <ReplyCountsTable documentId={r.documentId} live={live} />
      <DomainTable documentId={r.documentId} live={live} fileName={csvFileName(campaignName, 'domains')} />
      <CountTable
        title={t('results.clients', 'Mail clients')}
        nameLabel={t('results.clients.column', 'Mail client')}
        countLabel={t('results.readers', 'Readers')}
        shareLabel={t('results.share', 'Share')}
        rows={r.clients.map(({ client, count }) => ({
          name: client === 'unknown' ? t('results.client.unknown', 'Unknown') : client,
          count,
        }))}
        fileName={csvFileName(campaignName, 'clients')}
      />
      <CountTable
        title={t('results.devices', 'Devices')}
        nameLabel={t('results.devices.column', 'Device')}
        countLabel={t('results.readers', 'Readers')}
        shareLabel={t('results.share', 'Share')}
        rows={r.devices.map(({ device, count }) => ({ name: t(`results.device.${device}`, device), count }))}
        fileName={csvFileName(campaignName, 'devices')}
      />
      {chosen && <FigureContacts documentId={r.documentId} campaignName={campaignName} choice={chosen} onClose={() => setChosen(null)} />}
    </Flex>
  );
};
