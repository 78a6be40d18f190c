import { Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** A part of the results (the chart, a table): its title, and its actions on the right (an export). */
export const ResultsHeading = ({ title, children }: { title: string; children: ReactNode }) => (
  <Flex justifyContent="space-between" alignItems="center">
    <Typography variant="delta" tag="h3">
      {title}
    </Typography>
    <Flex gap={2}>{children}</Flex>
  </Flex>
);
