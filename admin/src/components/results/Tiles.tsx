import { Box, Flex, Typography } from '@strapi/design-system';

export interface Tile {
  label: string;
  value: string;
  /** The count beside a rate, or what the figure counts. */
  detail: string;
}

/** Figures side by side, each a group named by its label: the value, and what it counts. */
export const Tiles = ({ tiles }: { tiles: Tile[] }) => (
  <Flex gap={4} wrap="wrap">
    {tiles.map(({ label, value, detail }) => (
      <Box key={label} role="group" aria-label={label} background="neutral100" padding={4} hasRadius minWidth="10rem">
        <Typography variant="sigma" textColor="neutral600" tag="p">
          {label}
        </Typography>
        <Typography variant="alpha" tag="p">
          {value}
        </Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {detail}
        </Typography>
      </Box>
    ))}
  </Flex>
);
