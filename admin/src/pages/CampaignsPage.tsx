import { useState } from 'react';
import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { SearchInput, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { CampaignSummary } from '../../../shared/contracts/campaigns';
import { useCampaignList, useCampaignsApi } from '../api/campaigns';
import { errorMessage } from '../api/errors';
import { CampaignNameDialog } from '../components/CampaignNameDialog';
import { CampaignStateBadge } from '../components/CampaignStateBadge';
import { DeleteDialog } from '../components/dialogs/DeleteDialog';
import { ListPage } from '../components/list/ListPage';
import { RowActions } from '../components/list/RowActions';
import { useListParams } from '../components/list/use-list-params';
import { formatCount, formatDate } from '../format';
import { usePluginMessages } from '../hooks/use-plugin-messages';
import { PERMISSIONS } from '../permissions';
import { TableHead } from '../components/list/TableHead';

export const CampaignsPage = () => {
  const { page, pageSize, search } = useListParams();
  const list = useCampaignList(page, pageSize, search);
  const api = useCampaignsApi();
  const { toggleNotification } = useNotification();
  const t = usePluginMessages();
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
    list.reload();
  };

  const campaigns = list.data?.data ?? [];

  return (
    <ListPage
      title="Campaigns"
      noun="campaign"
      list={list}
      pageSize={pageSize}
      create={canWrite ? { label: 'New campaign', onClick: () => setCreating(true) } : undefined}
      actions={<SearchInput label="Search campaigns" />}
      empty={search ? `No campaign matches "${search}"` : 'No campaign yet: create the first one.'}
      dialogs={
        <>
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
          <DeleteDialog
            item={deleting}
            title="Delete campaign"
            warning={(campaign) => `Delete "${campaign.name}"? Its deliveries and results are deleted with it.`}
            onDelete={(campaign) => api.remove(campaign.documentId)}
            onDeleted={list.reload}
            onClose={() => setDeleting(undefined)}
          />
        </>
      }
    >
      <Table colCount={5} rowCount={campaigns.length + 1}>
        <TableHead columns={['Name', 'State', 'Scheduled', 'Audience', 'Actions']} />
        <Tbody>
          {campaigns.map((campaign) => (
            <Tr key={campaign.documentId}>
              <Td>
                <Link to={`campaigns/${campaign.documentId}`}>
                  <Typography fontWeight="bold" textColor="primary600">
                    {campaign.name}
                  </Typography>
                </Link>
                {campaign.segment && (
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {campaign.segment.name}
                  </Typography>
                )}
              </Td>
              <Td><CampaignStateBadge state={campaign.state} /></Td>
              <Td><Typography>{formatDate(campaign.sendAt)}</Typography></Td>
              <Td>
                <Typography>{formatCount(campaign.sentTo ?? campaign.audienceSize)}</Typography>
                {(campaign.sentTo !== null || campaign.audienceSize !== null) && (
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {campaign.sentTo !== null ? t('campaigns.audience.sentTo', 'sent to') : t('campaigns.audience.mailableNow', 'mailable now')}
                  </Typography>
                )}
              </Td>
              <Td>
                <RowActions
                  name={campaign.name}
                  editVerb="Rename"
                  onEdit={canWrite ? () => setRenaming(campaign) : undefined}
                  onDelete={canDelete ? () => setDeleting(campaign) : undefined}
                />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </ListPage>
  );
};
