import { Mail } from '@strapi/icons';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { useCreateCampaignMutation } from '../../api/campaigns';
import { useGetContentBlockTypesQuery } from '../../api/content-blocks';
import { errorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { campaignPath } from '../campaign-editor/open-campaign';
import { entryCampaignMjml, entryCampaignName } from './entry-campaign';

/** What the Content Manager hands a document action on an entry's edit view (its EditViewContext). */
export interface DocumentActionProps {
  model: string;
  collectionType: string;
  documentId?: string;
  document?: Record<string, unknown>;
}

/**
 * "Send as email" on an entry of one of the site's collection types: a new campaign showing the
 * entry as a block, opened in the campaign editor. A description component of the Content Manager
 * (rendered as a component, so it may use hooks); null hides it.
 */
export const SendAsEmailAction = ({ model, collectionType, documentId, document }: DocumentActionProps) => {
  const t = usePluginMessages();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite },
  } = useRBAC(PERMISSIONS.write);
  // Only a saved entry of the site's own collection types: plugin and admin types cannot be blocks.
  const eligible = model.startsWith('api::') && collectionType === 'collection-types' && !!documentId && canWrite;
  const types = useGetContentBlockTypesQuery(undefined, { skip: !eligible });
  const [createCampaign, { isLoading }] = useCreateCampaignMutation();
  const type = types.data?.find((candidate) => candidate.uid === model);
  // A type the server does not offer as blocks (no field to show) gets no action.
  if (!eligible || !documentId || (types.data && !type)) return null;

  return {
    label: t('contentBlocks.sendAsEmail', 'Send as email'),
    icon: <Mail />,
    position: 'panel' as const,
    disabled: !type,
    loading: isLoading,
    onClick: async () => {
      if (!type) return;
      try {
        const campaign = await createCampaign({
          name: entryCampaignName(type, document ?? {}, documentId),
          content: entryCampaignMjml(type, documentId),
        }).unwrap();
        navigate(campaignPath(campaign.documentId));
      } catch (e) {
        toggleNotification({ type: 'danger', message: errorMessage(e) });
      }
    },
  };
};
