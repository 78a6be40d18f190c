import { Box } from '@strapi/design-system';
import { Line, LineChart } from 'recharts';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { useChartTheme } from '../results/chart-theme';

/** A campaign's people's opens per day since it was sent, small enough for a table cell; named by its figures for assistive tech. */
export const Sparkline = ({ daily }: { daily: number[] }) => {
  const t = usePluginMessages();
  const chart = useChartTheme();
  const label = t('dashboard.sparkline', 'Opens per day since sending: {days}', { days: daily.join(', ') });
  return (
    <Box role="img" aria-label={label} width="8rem" height="2rem">
      <LineChart
        width={128}
        height={32}
        data={daily.map((opens, day) => ({ day, opens }))}
        margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
      >
        <Line type="monotone" dataKey="opens" stroke={chart.colors.primary600} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </Box>
  );
};
