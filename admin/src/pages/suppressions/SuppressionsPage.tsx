import { useState } from 'react';
import { Badge, Button, Flex, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Download, Trash, Upload } from '@strapi/icons';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import type {
  ExportSuppressionsQuery,
  ListSuppressionsQuery,
  Suppression,
  SuppressionReason,
} from '../../../../shared/contracts/suppressions';
import { errorMessage } from '../../api/errors';
import { useExportSuppressions, useGetSuppressionsQuery } from '../../api/suppressions';
import { AddSuppressionsDialog } from '../../components/suppressions/AddSuppressionsDialog';
import { ImportSuppressionsDialog } from '../../components/suppressions/ImportSuppressionsDialog';
import { REASON_LABELS, TOPIC_PREFIX } from '../../components/suppressions/labels';
import { RemovalsPanel } from '../../components/suppressions/RemovalsPanel';
import { RemoveSuppressionDialog } from '../../components/suppressions/RemoveSuppressionDialog';
import { SuppressionFilters, type SuppressionFilterValues } from '../../components/suppressions/SuppressionFilters';
import { ListPage } from '../../components/list/ListPage';
import { TableHead } from '../../components/list/TableHead';
import { useListParams } from '../../components/list/use-list-params';
import { saveBlob } from '../../download';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';

const PAGE_SIZES = ['10', '25', '50', '100'];

/** The filters as the API reads them. */
const queryOf = (filters: SuppressionFilterValues): ExportSuppressionsQuery => ({
  ...(filters.search ? { search: filters.search } : {}),
  ...(filters.reason ? { reason: filters.reason as SuppressionReason } : {}),
  ...(filters.scope === 'global' || filters.scope === 'topic' ? { scope: filters.scope } : {}),
  ...(filters.scope.startsWith(TOPIC_PREFIX) ? { topic: filters.scope.slice(TOPIC_PREFIX.length) } : {}),
  ...(filters.status ? { status: filters.status as 'active' | 'expired' } : {}),
  ...(filters.sort ? { sort: filters.sort as ListSuppressionsQuery['sort'] } : {}),
});

/**
 * The suppression list: who is never mailed (or never for one topic) and why; search, filter,
 * add, import, export and remove with a reason, and the last removals.
 */
export const SuppressionsPage = () => {
  const t = usePluginMessages();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canManage },
  } = useRBAC(PERMISSIONS.manageSuppressions);
  const { page, pageSize, search, query, setQuery } = useListParams<{ reason?: string; scope?: string; status?: string; sort?: string }>(
    25
  );
  const filters: SuppressionFilterValues = {
    search,
    reason: query?.reason ?? '',
    scope: query?.scope ?? '',
    status: query?.status ?? '',
    sort: query?.sort ?? '',
  };
  const list = useGetSuppressionsQuery({ page, pageSize, ...queryOf(filters) }, { refetchOnMountOrArgChange: true });
  const exportSuppressions = useExportSuppressions();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [removing, setRemoving] = useState<Suppression>();
  const rows = list.data?.data ?? [];
  const filtered = Boolean(filters.search || filters.reason || filters.scope || filters.status);

  const changeFilters = (next: Partial<SuppressionFilterValues>) => {
    const merged = { ...filters, ...next };
    setQuery({
      page: '1',
      _q: merged.search || undefined,
      reason: merged.reason || undefined,
      scope: merged.scope || undefined,
      status: merged.status || undefined,
      sort: merged.sort || undefined,
    });
  };

  const download = async () => {
    setExporting(true);
    try {
      const { sort: _sort, ...exported } = queryOf(filters);
      const { blob, fileName } = await exportSuppressions(exported);
      saveBlob(blob, fileName);
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <ListPage
      title={t('suppressions.title', 'Suppressions')}
      count={(total) => t('suppressions.count', '{total, plural, one {# suppression} other {# suppressions}}', { total })}
      list={list}
      pageSize={pageSize}
      pageSizes={PAGE_SIZES}
      create={canManage ? { label: t('suppressions.add.button', 'Suppress addresses'), onClick: () => setAdding(true) } : undefined}
      secondaryAction={
        <Flex gap={2}>
          {canManage && (
            <Button variant="secondary" startIcon={<Upload />} onClick={() => setImporting(true)}>
              {t('suppressions.import.button', 'Import CSV')}
            </Button>
          )}
          <Button variant="secondary" startIcon={<Download />} loading={exporting} onClick={download}>
            {t('suppressions.export', 'Export CSV')}
          </Button>
        </Flex>
      }
      actions={<SuppressionFilters values={filters} onChange={changeFilters} />}
      empty={
        filtered
          ? t('suppressions.empty.filtered', 'No suppression matches these filters')
          : t('suppressions.empty', 'No address is suppressed.')
      }
      afterTable={<RemovalsPanel />}
      dialogs={
        <>
          <AddSuppressionsDialog open={adding} onClose={() => setAdding(false)} />
          <ImportSuppressionsDialog open={importing} onClose={() => setImporting(false)} />
          <RemoveSuppressionDialog suppression={removing} onClose={() => setRemoving(undefined)} />
        </>
      }
    >
      <Table colCount={7} rowCount={rows.length + 1}>
        <TableHead
          columns={[
            t('suppressions.column.email', 'Address'),
            t('suppressions.column.reason', 'Reason'),
            t('suppressions.column.scope', 'Scope'),
            t('suppressions.column.status', 'Status'),
            t('suppressions.column.created', 'Suppressed'),
            t('suppressions.column.note', 'Note'),
            t('suppressions.column.actions', 'Actions'),
          ]}
        />
        <Tbody>
          {rows.map((suppression) => {
            const address = suppression.email ?? t('suppressions.erased', '(erased)');
            return (
              <Tr key={suppression.documentId}>
                <Td>
                  <Typography fontWeight="bold">{address}</Typography>
                </Td>
                <Td>
                  <Typography>{t(REASON_LABELS[suppression.reason])}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {suppression.topic
                      ? t('suppressions.scope.topic', 'Topic: {name}', { name: suppression.topic.name })
                      : t('suppressions.filters.global', 'Global')}
                  </Typography>
                </Td>
                <Td>
                  <Badge active={suppression.active}>
                    {suppression.active
                      ? t('suppressions.status.active', 'Active')
                      : t('suppressions.status.expiredOn', 'Expired {date}', { date: formatDate(suppression.expiresAt) })}
                  </Badge>
                </Td>
                <Td>
                  <Typography>{formatDate(suppression.createdAt)}</Typography>
                </Td>
                <Td>
                  <Typography ellipsis>{suppression.note ?? ''}</Typography>
                </Td>
                <Td>
                  {canManage && (
                    <IconButton
                      label={t('suppressions.remove.label', 'Remove the suppression of {address}', { address })}
                      variant="ghost"
                      onClick={() => setRemoving(suppression)}
                    >
                      <Trash />
                    </IconButton>
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </ListPage>
  );
};
