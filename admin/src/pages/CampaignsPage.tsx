import { useState } from 'react';
import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { SearchInput, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useNavigate } from 'react-router-dom';
import { canDelete as lifecycleAllowsDelete } from '../../../shared/contracts/campaign-lifecycle';
import type { CampaignSummary } from '../../../shared/contracts/campaigns';
import type { TemplateRef } from '../../../shared/contracts/templates';
import { useCreateCampaignMutation, useDeleteCampaignMutation, useGetCampaignsQuery } from '../api/campaigns';
import { campaignPath, useDuplicateCampaign } from '../components/campaign-editor/open-campaign';
import { CampaignStateBadge } from '../components/CampaignStateBadge';
import { DeleteDialog } from '../components/dialogs/DeleteDialog';
import { ListPage } from '../components/list/ListPage';
import { NewCampaignDialog } from '../components/templates/NewCampaignDialog';
import { RowActions } from '../components/list/RowActions';
import { formatRate } from '../components/inbound/rates';
import { TableHead } from '../components/list/TableHead';
import { useListParams } from '../components/list/use-list-params';
import { formatCount, formatDate } from '../format';
import { usePluginMessages } from '../hooks/use-plugin-messages';
import { PERMISSIONS } from '../permissions';

/** A click in a row opens its campaign, but not one on a control inside it (the name's link, the row's buttons). */
const stop = (e: React.MouseEvent) => e.stopPropagation();

export const CampaignsPage = () => {
  const { page, pageSize, search } = useListParams();
  // Campaigns move on the server (a send finishes): each visit reads the list afresh.
  const list = useGetCampaignsQuery({ page, pageSize, ...(search ? { search } : {}) }, { refetchOnMountOrArgChange: true });
  const [createCampaign] = useCreateCampaignMutation();
  const [deleteCampaign] = useDeleteCampaignMutation();
  const { duplicate } = useDuplicateCampaign();
  const navigate = useNavigate();
  const open = (documentId: string) => navigate(campaignPath(documentId));
  const { toggleNotification } = useNotification();
  const t = usePluginMessages();
  const {
    allowedActions: { canWrite, canDelete },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.delete]);

  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CampaignSummary>();

  // A new campaign is written next: it opens in its editor.
  const create = async (name: string, template: TemplateRef | null) => {
    const created = await createCampaign({ name, ...(template ? { template } : {}) }).unwrap();
    toggleNotification({ type: 'success', message: t('campaigns.create.done', 'Created "{name}"', { name }) });
    open(created.documentId);
  };

  const campaigns = list.data?.data ?? [];

  return (
    <ListPage
      title={t('campaigns.list.title', 'Campaigns')}
      count={(count) => t('campaigns.list.count', '{count, plural, one {# campaign} other {# campaigns}}', { count })}
      list={list}
      pageSize={pageSize}
      create={canWrite ? { label: t('campaigns.list.create', 'New campaign'), onClick: () => setCreating(true) } : undefined}
      actions={<SearchInput label={t('campaigns.list.search', 'Search campaigns')} />}
      empty={
        search
          ? t('campaigns.list.noMatch', 'No campaign matches "{search}"', { search })
          : t('campaigns.list.empty', 'No campaign yet: create the first one.')
      }
      dialogs={
        <>
          <NewCampaignDialog open={creating} onClose={() => setCreating(false)} onCreate={create} />
          <DeleteDialog
            item={deleting}
            title={t('campaigns.delete.title', 'Delete campaign')}
            warning={(campaign) =>
              t('campaigns.delete.warning', 'Delete "{name}"? Its deliveries and results are deleted with it.', { name: campaign.name })
            }
            onDelete={(campaign) => deleteCampaign(campaign.documentId).unwrap()}
            onClose={() => setDeleting(undefined)}
          />
        </>
      }
    >
      <Table colCount={7} rowCount={campaigns.length + 1}>
        <TableHead
          columns={[
            t('campaigns.list.column.name', 'Name'),
            t('campaigns.list.column.state', 'State'),
            t('campaigns.list.column.date', 'Date'),
            t('campaigns.list.column.audience', 'Audience'),
            t('campaigns.list.column.opened', 'Opened'),
            t('campaigns.list.column.clicked', 'Clicked'),
            t('campaigns.list.column.actions', 'Actions'),
          ]}
        />
        <Tbody>
          {campaigns.map((campaign) => (
            <Tr key={campaign.documentId} onClick={() => open(campaign.documentId)} style={{ cursor: 'pointer' }}>
              <Td>
                <Link to={campaignPath(campaign.documentId)} onClick={stop}>
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
              <Td>
                <CampaignStateBadge state={campaign.state} />
              </Td>
              <Td>
                <Typography>{formatDate(campaign.sentAt ?? campaign.sendAt)}</Typography>
                {(campaign.sentAt ?? campaign.sendAt) && (
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {campaign.sentAt ? t('campaigns.date.sent', 'sent') : t('campaigns.date.scheduled', 'scheduled')}
                  </Typography>
                )}
              </Td>
              <Td>
                <Typography>{formatCount(campaign.sentTo ?? campaign.audienceSize)}</Typography>
                {(campaign.sentTo !== null || campaign.audienceSize !== null) && (
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {campaign.sentTo !== null
                      ? t('campaigns.audience.sentTo', 'sent to')
                      : t('campaigns.audience.mailableNow', 'mailable now')}
                  </Typography>
                )}
              </Td>
              <Td>
                <Typography>{formatRate(campaign.rates?.open ?? null)}</Typography>
              </Td>
              <Td>
                <Typography>{formatRate(campaign.rates?.click ?? null)}</Typography>
              </Td>
              <Td onClick={stop}>
                <RowActions
                  name={campaign.name}
                  onEdit={() => open(campaign.documentId)}
                  onDuplicate={canWrite ? () => duplicate(campaign.documentId) : undefined}
                  // A sending campaign has jobs in flight: the lifecycle lets it be deleted once paused or cancelled.
                  onDelete={canDelete && lifecycleAllowsDelete(campaign.state) ? () => setDeleting(campaign) : undefined}
                />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </ListPage>
  );
};
