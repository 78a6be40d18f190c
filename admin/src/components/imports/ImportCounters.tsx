import { Box, Flex, Typography } from '@strapi/design-system';
import type { ImportCounters as Counters } from '../../../../shared/contracts/imports';

const SHOWN: Array<{ key: keyof Counters; label: string; hint: string }> = [
  { key: 'rowsRead', label: 'Rows read', hint: 'Data rows read so far' },
  { key: 'created', label: 'Created', hint: 'New contacts' },
  { key: 'updated', label: 'Updated', hint: 'Existing contacts given the file’s values' },
  { key: 'duplicates', label: 'Duplicates', hint: 'An address seen earlier in the file, or a contact left as it was' },
  { key: 'rejected', label: 'Rejected', hint: 'Invalid rows: see the report' },
  { key: 'suppressed', label: 'Suppressed', hint: 'Imported, but on the suppression list: never mailed' },
];

/** The import's counters as they move; each is a labelled group the page and its tests can read. */
export const ImportCounters = ({ counters }: { counters: Counters }) => (
  <Flex gap={4} wrap="wrap">
    {SHOWN.map(({ key, label, hint }) => (
      <Box key={key} role="group" aria-label={label} title={hint} background="neutral100" padding={4} hasRadius minWidth="9rem">
        <Typography variant="sigma" textColor="neutral600" tag="p">
          {label}
        </Typography>
        <Typography variant="alpha" tag="p">
          {counters[key].toLocaleString()}
        </Typography>
      </Box>
    ))}
  </Flex>
);
