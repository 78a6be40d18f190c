import { useEffect } from 'react';
import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { useImportList } from '../../api/imports';
import { ProgressBar } from '../../components/progress/ProgressBar';
import { ImportStateBadge } from '../../components/imports/ImportStateBadge';
import { ListPage } from '../../components/list/ListPage';
import { useListParams } from '../../components/list/use-list-params';
import { formatBytes, formatDate, plural } from '../../format';
import { PERMISSIONS } from '../../permissions';
import { TableHead } from '../../components/list/TableHead';

/** While an import on the page runs, the history is read again this often. */
const REFRESH_MS = 2000;

const COUNTERS = ['created', 'updated', 'duplicates', 'rejected', 'suppressed'] as const;

/** Past and running imports, newest first; a row opens the import, "New import" the wizard. */
export const ImportsPage = () => {
  const { page, pageSize } = useListParams();
  const list = useImportList(page, pageSize);
  const navigate = useNavigate();
  const {
    allowedActions: { canWrite },
  } = useRBAC(PERMISSIONS.write);

  const running = list.data?.data.some((item) => item.state === 'queued' || item.state === 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(list.reload, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [running, list.data, list.reload]);

  const imports = list.data?.data ?? [];

  return (
    <ListPage
      title="Imports"
      count={(n) => plural(n, 'import')}
      list={list}
      pageSize={pageSize}
      create={canWrite ? { label: 'New import', onClick: () => navigate('new') } : undefined}
      empty="No import yet: bring contacts in from a CSV file."
    >
      <Table colCount={10} rowCount={imports.length + 1}>
        <TableHead
          columns={['File', 'State', 'Created', 'Updated', 'Duplicates', 'Rejected', 'Suppressed', 'Progress', 'Started by', 'Started']}
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
                  <ProgressBar value={item.progress} label={`Progress of ${item.fileName}`} width="6rem" />
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
