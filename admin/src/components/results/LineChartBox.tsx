import type { ReactNode } from 'react';
import { Box } from '@strapi/design-system';
import { CartesianGrid, Legend, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartTheme } from './chart-theme';

interface Props {
  /** What the chart shows in words: assistive tech gets the chart as an image named by it. */
  summary: string;
  /** One row per point, its x label in `label`. */
  data: ReadonlyArray<Record<string, unknown>>;
  yAxis?: { allowDecimals?: boolean; unit?: string };
  tooltipFormat?: (value: unknown) => string;
  /** The chart's `<Line>`s. */
  children: ReactNode;
}

/** The plugin's line charts: the design system's colours, axes, grid, tooltip and legend, over labelled points. */
export const LineChartBox = ({ summary, data, yAxis, tooltipFormat, children }: Props) => {
  const chart = useChartTheme();
  return (
    <Box role="img" aria-label={summary} height="18rem">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...data]} margin={chart.margin}>
          <CartesianGrid {...chart.grid} />
          <XAxis dataKey="label" {...chart.axis} minTickGap={24} />
          <YAxis {...yAxis} {...chart.axis} />
          <Tooltip contentStyle={chart.tooltip} formatter={tooltipFormat} />
          <Legend />
          {children}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
};
