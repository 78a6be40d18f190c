import type { ReactNode } from 'react';
import { Th, Thead, Tr, Typography } from '@strapi/design-system';

/** A table's header row: the column names, after `lead` (a select-all checkbox) when there is one. */
export const TableHead = ({ columns, lead }: { columns: string[]; lead?: ReactNode }) => (
  <Thead>
    <Tr>
      {lead}
      {columns.map((column) => (
        <Th key={column}>
          <Typography variant="sigma">{column}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);
