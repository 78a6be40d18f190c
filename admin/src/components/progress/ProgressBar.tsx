import { Box } from '@strapi/design-system';

interface Props {
  /** 0-100. */
  value: number;
  label: string;
  /** Width of the track; the bar fills its container by default. */
  width?: string;
}

/**
 * The design system's ProgressBar drops its `value` before the Radix root (no aria-valuenow) and
 * has a fixed width made for the upload dialog: this one says its value to assistive tech and tests.
 */
export const ProgressBar = ({ value, label, width = '100%' }: Props) => (
  <Box
    role="progressbar"
    aria-label={label}
    aria-valuemin={0}
    aria-valuemax={100}
    aria-valuenow={value}
    background="neutral150"
    hasRadius
    height="0.8rem"
    width={width}
    overflow="hidden"
  >
    <Box background="primary600" height="100%" width={`${value}%`} style={{ transition: 'width 0.4s ease' }} />
  </Box>
);
