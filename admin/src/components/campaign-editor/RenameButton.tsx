import { useState } from 'react';
import { IconButton } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useUpdateCampaignMutation } from '../../api/campaigns';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { CampaignNameDialog } from '../CampaignNameDialog';

/**
 * Renames the campaign from its header, in any state (the lifecycle lets the name change even
 * after sending); the name alone is saved, whatever the form below holds.
 */
export const RenameButton = ({ documentId, name }: { documentId: string; name: string }) => {
  const t = usePluginMessages();
  const [open, setOpen] = useState(false);
  const [updateCampaign] = useUpdateCampaignMutation();
  const { toggleNotification } = useNotification();
  const title = t('campaigns.rename.title', 'Rename campaign');

  const rename = async (next: string) => {
    await updateCampaign({ documentId, data: { name: next } }).unwrap();
    toggleNotification({ type: 'success', message: t('campaigns.rename.done', 'Renamed to "{name}"', { name: next }) });
  };

  return (
    <>
      <IconButton label={title} variant="ghost" onClick={() => setOpen(true)}>
        <Pencil />
      </IconButton>
      <CampaignNameDialog
        open={open}
        title={title}
        submitLabel={t('campaigns.rename.submit', 'Rename')}
        initialName={name}
        onClose={() => setOpen(false)}
        onSubmit={rename}
      />
    </>
  );
};
