import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

/** A titled white panel of a detail page (a contact's deliveries, the settings' queues). */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-label={title}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);
