import type { ReactNode } from 'react';
import { Grid, Typography } from '@strapi/design-system';

/** One labelled value of a grid of facts (a notice's, the settings'): text is set as text, anything else as it is. */
export const Fact = ({ label, col = 4, children }: { label: string; col?: number; children: ReactNode }) => (
  <Grid.Item col={col} s={12} direction="column" alignItems="flex-start">
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' ? <Typography>{children}</Typography> : children}
  </Grid.Item>
);
