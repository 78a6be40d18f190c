import { useState } from 'react';
import {
  Button,
  Dialog,
  EmptyStateLayout,
  Flex,
  IconButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Pencil, Plus, Trash } from '@strapi/icons';
import {
  ConfirmDialog,
  Layouts,
  Page,
  Pagination,
  SearchInput,
  useNotification,
  useQueryParams,
  useRBAC,
} from '@strapi/strapi/admin';
import type { CampaignSummary } from '../../../shared/contracts/campaigns';
import { errorMessage, useCampaignList, useCampaignsApi } from '../api/campaigns';
import { CampaignNameDialog } from '../components/CampaignNameDialog';
import { CampaignStateBadge } from '../components/CampaignStateBadge';
import { formatCount, formatDate, plural } from '../format';
import { PERMISSIONS } from '../permissions';

export const CampaignsPage = () => {
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string; _q?: string }>();
  const page = Number(query?.page ?? 1) || 1;
  const pageSize = Number(query?.pageSize ?? 10) || 10;
  const search = query?._q ?? '';

  const { data, error, loading, reload } = useCampaignList(page, pageSize, search);
  const api = useCampaignsApi();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canDelete },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.delete]);

  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<CampaignSummary>();
  const [deleting, setDeleting] = useState<CampaignSummary>();

  const save = async (work: () => Promise<unknown>, success: string) => {
    try {
      await work();
    } catch (e) {
      throw new Error(errorMessage(e));
    }
    toggleNotification({ type: 'success', message: success });
    reload();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await api.remove(deleting.documentId);
      toggleNotification({ type: 'success', message: `Deleted "${deleting.name}"` });
      reload();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setDeleting(undefined);
    }
  };

  if (error) return <Page.Error />;

  const campaigns = data?.data ?? [];

  return (
    <Page.Main>
      <Page.Title>Campaigns</Page.Title>
      <Layouts.Header
        title="Campaigns"
        subtitle={data ? plural(data.meta.pagination.total, 'campaign') : undefined}
        primaryAction={
          canWrite ? (
            <Button startIcon={<Plus />} onClick={() => setCreating(true)}>
              New campaign
            </Button>
          ) : undefined
        }
      />
      <Layouts.Action startActions={<SearchInput label="Search campaigns" />} />
      <Layouts.Content>
        {loading && !data ? (
          <Page.Loading />
        ) : campaigns.length === 0 ? (
          <EmptyStateLayout content={search ? `No campaign matches "${search}"` : 'No campaign yet: create the first one.'} />
        ) : (
          <>
            <Table colCount={5} rowCount={campaigns.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">Name</Typography></Th>
                  <Th><Typography variant="sigma">State</Typography></Th>
                  <Th><Typography variant="sigma">Scheduled</Typography></Th>
                  <Th><Typography variant="sigma">Audience</Typography></Th>
                  <Th><Typography variant="sigma">Actions</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {campaigns.map((campaign) => (
                  <Tr key={campaign.documentId}>
                    <Td>
                      <Typography fontWeight="bold">{campaign.name}</Typography>
                      {campaign.segment && (
                        <Typography variant="pi" textColor="neutral600" tag="p">
                          {campaign.segment.name}
                        </Typography>
                      )}
                    </Td>
                    <Td><CampaignStateBadge state={campaign.state} /></Td>
                    <Td><Typography>{formatDate(campaign.sendAt)}</Typography></Td>
                    <Td><Typography>{formatCount(campaign.audienceSize)}</Typography></Td>
                    <Td>
                      <Flex gap={1}>
                        {canWrite && (
                          <IconButton label={`Rename ${campaign.name}`} variant="ghost" onClick={() => setRenaming(campaign)}>
                            <Pencil />
                          </IconButton>
                        )}
                        {canDelete && (
                          <IconButton label={`Delete ${campaign.name}`} variant="ghost" onClick={() => setDeleting(campaign)}>
                            <Trash />
                          </IconButton>
                        )}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {data && (
              <Pagination.Root pageCount={data.meta.pagination.pageCount} total={data.meta.pagination.total} defaultPageSize={pageSize}>
                <Pagination.PageSize />
                <Pagination.Links />
              </Pagination.Root>
            )}
          </>
        )}
      </Layouts.Content>

      <CampaignNameDialog
        open={creating}
        title="New campaign"
        submitLabel="Create"
        onClose={() => setCreating(false)}
        onSubmit={(name) => save(() => api.create({ name }), `Created "${name}"`)}
      />
      <CampaignNameDialog
        open={Boolean(renaming)}
        title="Rename campaign"
        submitLabel="Rename"
        initialName={renaming?.name}
        onClose={() => setRenaming(undefined)}
        onSubmit={(name) => save(() => api.rename(renaming!.documentId, name), `Renamed to "${name}"`)}
      />
      <Dialog.Root open={Boolean(deleting)} onOpenChange={(open: boolean) => !open && setDeleting(undefined)}>
        <ConfirmDialog onConfirm={confirmDelete} title="Delete campaign">
          {deleting ? `Delete "${deleting.name}"? Its deliveries and results are deleted with it.` : ''}
        </ConfirmDialog>
      </Dialog.Root>
    </Page.Main>
  );
};
