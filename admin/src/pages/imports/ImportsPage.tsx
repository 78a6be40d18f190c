import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { useImportList } from '../../api/imports';
import { ProgressBar } from '../../components/progress/ProgressBar';
import { ImportStateBadge } from '../../components/imports/ImportStateBadge';
import { ListPage } from '../../components/list/ListPage';
import { useListParams } from '../../components/list/use-list-params';
import { formatBytes, formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { TableHead } from '../../components/list/TableHead';

const COUNTERS = ['created', 'updated', 'duplicates', 'rejected', 'suppressed'] as const;

/** Past and running imports, newest first; a row opens the import, "New import" the wizard. */
export const ImportsPage = () => {
  const t = usePluginMessages();
  const { page, pageSize } = useListParams();
  const list = useImportList({ page, pageSize });
  const navigate = useNavigate();
  const {
    allowedActions: { canWrite },
  } = useRBAC(PERMISSIONS.write);

  const imports = list.data?.data ?? [];

  return (
    <ListPage
      title={t('imports.title', 'Imports')}
      count={(total) => t('imports.count', '{total, plural, one {# import} other {# imports}}', { total })}
      list={list}
      pageSize={pageSize}
      create={canWrite ? { label: t('imports.new', 'New import'), onClick: () => navigate('new') } : undefined}
      empty={t('imports.empty', 'No import yet: bring contacts in from a CSV file.')}
    >
      <Table colCount={10} rowCount={imports.length + 1}>
        <TableHead
          columns={[
            t('imports.column.file', 'File'),
            t('imports.column.state', 'State'),
            t('imports.column.created', 'Created'),
            t('imports.column.updated', 'Updated'),
            t('imports.column.duplicates', 'Duplicates'),
            t('imports.column.rejected', 'Rejected'),
            t('imports.column.suppressed', 'Suppressed'),
            t('imports.column.progress', 'Progress'),
            t('imports.column.startedBy', 'Started by'),
            t('imports.column.started', 'Started'),
          ]}
        />
        <Tbody>
          {imports.map((item) => (
            <Tr key={item.id} onClick={() => navigate(String(item.id))} style={{ cursor: 'pointer' }}>
              <Td>
                <Typography fontWeight="bold">{item.fileName}</Typography>
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {formatBytes(item.size)}
                </Typography>
              </Td>
              <Td>
                <ImportStateBadge state={item.state} />
              </Td>
              {COUNTERS.map((key) => (
                <Td key={key}>
                  <Typography>{item.counters[key].toLocaleString()}</Typography>
                </Td>
              ))}
              <Td>
                <Flex gap={2}>
                  <ProgressBar
                    value={item.progress}
                    label={t('imports.progressOf', 'Progress of {fileName}', { fileName: item.fileName })}
                    width="6rem"
                  />
                  <Typography variant="pi">{item.progress}%</Typography>
                </Flex>
              </Td>
              <Td>
                <Typography>{item.createdByName ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography>{formatDate(item.startedAt ?? item.createdAt)}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </ListPage>
  );
};
