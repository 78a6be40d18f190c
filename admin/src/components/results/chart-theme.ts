import { useTheme } from 'styled-components';

/**
 * The design system's theme as recharts takes it: the colours of the admin's light or dark mode,
 * and the axes, grid, tooltip and margins every chart of the plugin shares.
 */
export const useChartTheme = () => {
  const { colors } = useTheme() as unknown as { colors: Record<string, string> };
  return {
    colors,
    margin: { top: 8, right: 16, bottom: 8, left: 0 },
    grid: { stroke: colors.neutral200, strokeDasharray: '3 3' },
    axis: { stroke: colors.neutral600, tick: { fill: colors.neutral600, fontSize: 12 } },
    tooltip: { background: colors.neutral0, border: `1px solid ${colors.neutral200}`, color: colors.neutral800 },
  };
};
