import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TableHead } from '../list/TableHead';
import { CsvButton } from './CsvButton';
import { ResultsHeading } from './ResultsHeading';

/** Counts by reason (bounces by classified reason, complaints by feedback type), most first, and their CSV; nothing when there are none. */
export const ReasonTable = ({
  title,
  countLabel,
  rows,
  fileName,
}: {
  title: string;
  countLabel: string;
  rows: Array<{ reason: string; count: number }>;
  fileName: string;
}) => {
  const t = usePluginMessages();
  if (!rows.length) return null;
  const columns = [t('results.reason', 'Reason'), countLabel];
  return (
    <>
      <ResultsHeading title={title}>
        <CsvButton fileName={fileName} header={columns} rows={rows.map(({ reason, count }) => [reason, count])} />
      </ResultsHeading>
      <Table colCount={2} rowCount={rows.length + 1} aria-label={title}>
        <TableHead columns={columns} />
        <Tbody>
          {rows.map(({ reason, count }) => (
            <Tr key={reason}>
              <Td>
                <Typography>{reason}</Typography>
              </Td>
              <Td>
                <Typography>{count.toLocaleString()}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
};
