import { Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Line } from 'recharts';
import type { ReportPoint } from '../../../../shared/contracts/analytics';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TableHead } from '../list/TableHead';
import { CsvButton } from './CsvButton';
import { ResultsHeading } from './ResultsHeading';
import { useChartTheme } from './chart-theme';
import { LineChartBox } from './LineChartBox';

const WEEK_MS = 7 * 86_400_000;

/** A point's label: its hour in the first week, then its day (the series turns daily there), in the admin's language. */
const pointLabels = (series: ReportPoint[], locale: string) => {
  const first = series.length ? Date.parse(series[0].at) : 0;
  const hourly = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  const daily = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return series.map((point) => {
    const at = Date.parse(point.at);
    return `${(at - first < WEEK_MS ? hourly : daily).format(at)} UTC`;
  });
};

/**
 * Opens and clicks over time, people's (and machines' when `machines`), drawn with recharts in the
 * design system's colours (the admin's theme, light or dark). The chart is an image to assistive
 * tech, named by its summary; its figures are a table one click away, and a CSV.
 */
export const ResultsChart = ({ series, machines, fileName }: { series: ReportPoint[]; machines: boolean; fileName: string }) => {
  const t = usePluginMessages();
  const { locale } = useIntl();
  const chart = useChartTheme();
  const [asTable, setAsTable] = useState(false);
  const labels = pointLabels(series, locale);
  const names = {
    opens: t('results.chart.opens', 'Opens'),
    clicks: t('results.chart.clicks', 'Clicks'),
    machineOpens: t('results.chart.machineOpens', 'Machine opens'),
    machineClicks: t('results.chart.machineClicks', 'Machine clicks'),
  };
  const keys = (machines ? ['opens', 'clicks', 'machineOpens', 'machineClicks'] : ['opens', 'clicks']) as Array<keyof typeof names>;
  const data = series.map((point, i) => ({ ...point, label: labels[i] }));
  const colour = {
    opens: chart.colors.primary600,
    clicks: chart.colors.success600,
    machineOpens: chart.colors.neutral500,
    machineClicks: chart.colors.warning600,
  };
  const total = (key: keyof typeof names) => series.reduce((sum, point) => sum + point[key], 0);
  const title = t('results.chart.title', 'Opens and clicks over time');
  const summary = t(
    'results.chart.summary',
    '{title}: {opens, number} opens and {clicks, number} clicks over {points, plural, one {# period} other {# periods}}',
    {
      title,
      opens: total('opens'),
      clicks: total('clicks'),
      points: series.length,
    }
  );
  if (!series.length) return <Typography textColor="neutral600">{t('results.chart.empty', 'No opens or clicks yet.')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <ResultsHeading title={title}>
        <Button variant="tertiary" size="S" onClick={() => setAsTable(!asTable)} aria-pressed={asTable}>
          {asTable ? t('results.chart.showChart', 'Show the chart') : t('results.chart.showTable', 'Show as a table')}
        </Button>
        <CsvButton
          fileName={fileName}
          header={[t('results.chart.period', 'Period (UTC start)'), ...keys.map((key) => names[key])]}
          rows={series.map((point) => [point.at, ...keys.map((key) => point[key])])}
        />
      </ResultsHeading>
      {asTable ? (
        <Table colCount={keys.length + 1} rowCount={series.length + 1} aria-label={title}>
          <TableHead columns={[t('results.chart.period', 'Period (UTC start)'), ...keys.map((key) => names[key])]} />
          <Tbody>
            {data.map((point) => (
              <Tr key={point.at}>
                <Td>
                  <Typography>{point.label}</Typography>
                </Td>
                {keys.map((key) => (
                  <Td key={key}>
                    <Typography>{point[key].toLocaleString(locale)}</Typography>
                  </Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        <LineChartBox summary={summary} data={data} yAxis={{ allowDecimals: false }}>
          {keys.map((key) => (
            <Line
              key={key}
              type="monotone"
              dataKey={key}
              name={names[key]}
              stroke={colour[key]}
              strokeWidth={2}
              strokeDasharray={key.startsWith('machine') ? '5 4' : undefined}
              dot={series.length < 30}
              isAnimationActive={false}
            />
          ))}
        </LineChartBox>
      )}
    </Flex>
  );
};
