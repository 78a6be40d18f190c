import { Box, Flex, Typography } from '@strapi/design-system';

export interface CounterTile {
  label: string;
  value: number;
  /** What the number counts, as the tile's tooltip. */
  hint: string;
}

/** Counters of a running job as they move; each is a labelled group the page and its tests can read. */
export const CounterTiles = ({ tiles }: { tiles: CounterTile[] }) => (
  <Flex gap={4} wrap="wrap">
    {tiles.map(({ label, value, hint }) => (
      <Box key={label} role="group" aria-label={label} title={hint} background="neutral100" padding={4} hasRadius minWidth="9rem">
        <Typography variant="sigma" textColor="neutral600" tag="p">
          {label}
        </Typography>
        <Typography variant="alpha" tag="p">
          {value.toLocaleString()}
        </Typography>
      </Box>
    ))}
  </Flex>
);
