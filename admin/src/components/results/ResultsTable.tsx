import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { TableHead } from '../list/TableHead';
import { CsvButton } from './CsvButton';
import { ResultsHeading } from './ResultsHeading';

/**
 * One of the report's tables under its title (which names it for assistive technology), with a
 * `hint` on how to read it, and the CSV of what it shows: numbers stay figures in the file. Each
 * row's first cell names it, so it keys the row.
 */
export const ResultsTable = ({
  title,
  hint,
  columns,
  rows,
  fileName,
}: {
  title: string;
  hint?: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  fileName: string;
}) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <ResultsHeading title={title}>
      <CsvButton fileName={fileName} header={columns} rows={rows} />
    </ResultsHeading>
    {hint && (
      <Typography variant="pi" textColor="neutral600">
        {hint}
      </Typography>
    )}
    <Table colCount={columns.length} rowCount={rows.length + 1} aria-label={title}>
      <TableHead columns={columns} />
      <Tbody>
        {rows.map((row) => (
          <Tr key={row[0]}>
            {row.map((cell, index) => (
              <Td key={columns[index]}>
                <Typography>{typeof cell === 'number' ? cell.toLocaleString() : cell}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  </Flex>
);
