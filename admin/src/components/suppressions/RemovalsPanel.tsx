import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useGetSuppressionRemovalsQuery } from '../../api/suppressions';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { Section } from '../layout/Section';
import { TableHead } from '../list/TableHead';
import { REASON_LABELS } from './labels';

const SHOWN = 10;

/** The last suppressions lifted (by an admin, or by the recipient on a public page): the address, what it was, who lifted it, when and why. */
export const RemovalsPanel = () => {
  const t = usePluginMessages();
  const removals = useGetSuppressionRemovalsQuery({ pageSize: SHOWN }, { refetchOnMountOrArgChange: true });
  const rows = removals.data?.data ?? [];
  return (
    <Section title={t('suppressions.removals.title', 'Recently removed')}>
      {rows.length === 0 ? (
        <Typography textColor={removals.isError ? 'danger600' : 'neutral600'}>
          {removals.isError
            ? t('suppressions.removals.failed', 'The removals could not be read.')
            : t('suppressions.removals.empty', 'No suppression has been removed.')}
        </Typography>
      ) : (
        <Table colCount={5} rowCount={rows.length + 1} aria-label={t('suppressions.removals.title', 'Recently removed')}>
          <TableHead
            columns={[
              t('suppressions.column.email', 'Address'),
              t('suppressions.column.reason', 'Reason'),
              t('suppressions.removals.by', 'Removed by'),
              t('suppressions.removals.at', 'Removed'),
              t('suppressions.removals.note', 'Why'),
            ]}
          />
          <Tbody>
            {rows.map((removal) => (
              <Tr key={removal.id}>
                <Td>
                  <Typography>{removal.email ?? t('suppressions.erased', '(erased)')}</Typography>
                </Td>
                <Td>
                  <Typography>{t(REASON_LABELS[removal.reason])}</Typography>
                </Td>
                <Td>
                  <Typography>{removal.removedBy?.name ?? t('suppressions.removals.byRecipient', 'The recipient')}</Typography>
                </Td>
                <Td>
                  <Typography>{formatDate(removal.removedAt)}</Typography>
                </Td>
                <Td>
                  <Typography>{removal.note}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Section>
  );
};
