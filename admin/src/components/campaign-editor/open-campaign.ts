import { useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { useDuplicateCampaignMutation } from '../../api/campaigns';
import { errorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PLUGIN_ID } from '../../pluginId';

/** A campaign's editor, from any page of the plugin. */
export const campaignPath = (documentId: string) => `/plugins/${PLUGIN_ID}/campaigns/${documentId}`;

/** Copies a campaign and opens the copy, the next thing an editor does with it; a refusal is a notification. */
export const useDuplicateCampaign = () => {
  const [duplicateCampaign, { isLoading }] = useDuplicateCampaignMutation();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const t = usePluginMessages();

  const duplicate = async (documentId: string) => {
    try {
      const copy = await duplicateCampaign(documentId).unwrap();
      toggleNotification({ type: 'success', message: t('campaigns.duplicate.done', 'Duplicated as "{name}"', { name: copy.name }) });
      navigate(campaignPath(copy.documentId));
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };
  return { duplicate, duplicating: isLoading };
};
