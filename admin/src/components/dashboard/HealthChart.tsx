import { Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DASHBOARD_LINES, type DashboardCampaign } from '../../../../shared/contracts/analytics';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { formatRate } from '../inbound/rates';
import { useChartTheme } from '../results/chart-theme';

/**
 * Each campaign's complaint and hard-bounce rates, oldest first, against the lines the large
 * mailbox providers hold senders to (0.1%, and never 0.3%). An image to assistive tech, named by
 * how many campaigns went over each line; the table below has every figure.
 */
export const HealthChart = ({ campaigns }: { campaigns: DashboardCampaign[] }) => {
  const t = usePluginMessages();
  const { locale } = useIntl();
  const chart = useChartTheme();
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const data = [...campaigns].reverse().map((campaign) => ({
    label: `${campaign.name} (${day.format(Date.parse(campaign.sentAt))})`,
    complaint: (campaign.rates.complaint ?? 0) * 100,
    hardBounce: (campaign.hardBounceRate ?? 0) * 100,
  }));
  const over = (line: number) => campaigns.filter((c) => (c.rates.complaint ?? 0) > line || (c.hardBounceRate ?? 0) > line).length;
  const title = t('dashboard.health.title', 'Complaints and hard bounces');
  const summary = t(
    'dashboard.health.summary',
    '{title}: {campaigns, plural, one {# campaign} other {# campaigns}}, {warning, number} over {warningLine}, {limit, number} over {limitLine}',
    {
      title,
      campaigns: campaigns.length,
      warning: over(DASHBOARD_LINES.warning),
      limit: over(DASHBOARD_LINES.limit),
      warningLine: formatRate(DASHBOARD_LINES.warning),
      limitLine: formatRate(DASHBOARD_LINES.limit),
    }
  );
  const percent = (value: number) => `${Number(value.toFixed(2)).toLocaleString(locale)}%`;
  return (
    <Box>
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {title}
      </Typography>
      <Box role="img" aria-label={summary} height="16rem">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={chart.margin}>
            <CartesianGrid {...chart.grid} />
            <XAxis dataKey="label" {...chart.axis} minTickGap={16} />
            <YAxis
              {...chart.axis}
              tickFormatter={percent}
              domain={[0, (max: number) => Math.max(max, DASHBOARD_LINES.limit * 100 * 1.2)]}
            />
            <Tooltip formatter={(value) => percent(Number(value))} contentStyle={chart.tooltip} />
            <Legend />
            <ReferenceLine
              y={DASHBOARD_LINES.warning * 100}
              stroke={chart.colors.warning600}
              strokeDasharray="6 3"
              label={{ value: formatRate(DASHBOARD_LINES.warning), fill: chart.colors.warning600, position: 'insideTopRight' }}
            />
            <ReferenceLine
              y={DASHBOARD_LINES.limit * 100}
              stroke={chart.colors.danger600}
              strokeDasharray="6 3"
              label={{ value: formatRate(DASHBOARD_LINES.limit), fill: chart.colors.danger600, position: 'insideTopRight' }}
            />
            <Bar
              dataKey="complaint"
              name={t('dashboard.health.complaint', 'Complaint rate')}
              fill={chart.colors.danger500}
              isAnimationActive={false}
            />
            <Bar
              dataKey="hardBounce"
              name={t('dashboard.health.hardBounce', 'Hard-bounce rate')}
              fill={chart.colors.warning500}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
};
