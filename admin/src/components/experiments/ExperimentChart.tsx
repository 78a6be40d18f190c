import { useState } from 'react';
import { Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Line } from 'recharts';
import type { Experiment, ExperimentSeries } from '../../../../shared/contracts/experiments';
import { errorMessage } from '../../api/errors';
import { useGetExperimentSeriesQuery } from '../../api/experiment-views';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TableHead } from '../list/TableHead';
import { ResultsHeading } from '../results/ResultsHeading';
import { useChartTheme } from '../results/chart-theme';
import { LineChartBox } from '../results/LineChartBox';
import { points } from './decision-words';
import { useVariantName } from './variant-name';

/** While the test runs its series grows by the hour: read again every minute. */
const POLL_MS = 60_000;

/** The design system's colours, one per variant (up to eight), apart enough to tell the lines from each other. */
const LINE_COLOURS = ['primary600', 'success600', 'warning600', 'danger600', 'secondary600', 'alternative600', 'neutral600', 'primary300'];

/** The chart's rows: each point's label, and each variant's rate in percentage points (null: no line there). */
export const chartRowsOf = (series: ExperimentSeries, label: (at: string) => string) =>
  series.points.map((point) => ({
    label: label(point.at),
    ...Object.fromEntries(Object.entries(point.rates).map(([key, rate]) => [key, rate === null ? null : points(rate)])),
  }));

const ChartOf = ({ series, experiment }: { series: ExperimentSeries; experiment: Experiment }) => {
  const t = usePluginMessages();
  const { locale } = useIntl();
  const chart = useChartTheme();
  const [asTable, setAsTable] = useState(false);
  const format = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const rows = chartRowsOf(series, (at) => format.format(Date.parse(at)));
  const variantName = useVariantName();
  const nameOf = (key: string) => {
    const variant = experiment.variants.find((v) => v.key === key);
    return `${key}: ${variant ? variantName(variant) : key}`;
  };
  const metric = t(`experiments.metric.${series.metric}`, series.metric);
  const title = t('experiments.chart.title', '{metric} over time, per variant', { metric });
  const summary = t('experiments.chart.summary', '{title}: {rates}', {
    title,
    rates: series.variants.map((v) => `${nameOf(v.key)} ${rows.at(-1)?.[v.key as never] ?? '—'}%`).join(', '),
  });
  const keys = series.variants.map((v) => v.key);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="section" aria-label={title}>
      <ResultsHeading title={title}>
        <Button variant="tertiary" size="S" onClick={() => setAsTable(!asTable)} aria-pressed={asTable}>
          {asTable ? t('results.chart.showChart', 'Show the chart') : t('results.chart.showTable', 'Show as a table')}
        </Button>
      </ResultsHeading>
      <Typography variant="pi" textColor="neutral600">
        {t('experiments.chart.hint', 'Each variant’s rate so far among its test recipients, since the test group’s send.')}
      </Typography>
      {asTable ? (
        <Table colCount={keys.length + 1} rowCount={rows.length + 1} aria-label={title}>
          <TableHead columns={[t('experiments.chart.when', 'Until'), ...keys.map(nameOf)]} />
          <Tbody>
            {rows.map((row, i) => (
              <Tr key={series.points[i].at}>
                <Td>
                  <Typography>{row.label}</Typography>
                </Td>
                {keys.map((key) => {
                  const rate = row[key as never] as number | null;
                  return (
                    <Td key={key}>
                      <Typography>{rate === null ? '—' : t('experiments.results.rate', '{rate, number}%', { rate })}</Typography>
                    </Td>
                  );
                })}
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        <LineChartBox summary={summary} data={rows} yAxis={{ unit: '%' }} tooltipFormat={(value) => `${String(value)}%`}>
          {keys.map((key, i) => (
            <Line
              key={key}
              type="monotone"
              dataKey={key}
              name={nameOf(key)}
              stroke={chart.colors[LINE_COLOURS[i % LINE_COLOURS.length]]}
              strokeWidth={2}
              dot={rows.length < 30}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChartBox>
      )}
    </Flex>
  );
};

/** The test's metric over time, one line per variant, once its send started. */
export const ExperimentChart = ({ documentId, experiment }: { documentId: string; experiment: Experiment }) => {
  const series = useGetExperimentSeriesQuery(documentId, { pollingInterval: experiment.state === 'testing' ? POLL_MS : 0 });
  if (series.isError)
    return (
      <Typography textColor="danger600" role="alert">
        {errorMessage(series.error)}
      </Typography>
    );
  return series.data ? <ChartOf series={series.data} experiment={experiment} /> : null;
};
