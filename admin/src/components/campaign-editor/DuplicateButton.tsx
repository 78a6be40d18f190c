import { Button } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { useDuplicateCampaign } from './open-campaign';

interface Props {
  documentId: string;
  /** The copy is made from the stored campaign: false when what the editor shows could not be saved first. */
  saveFirst: () => Promise<boolean>;
}

/** Copies the campaign (its message and audience, not its sends) and opens the copy. */
export const DuplicateButton = ({ documentId, saveFirst }: Props) => {
  const t = usePluginMessages();
  const { duplicate, duplicating } = useDuplicateCampaign();
  return (
    <Button
      variant="secondary"
      startIcon={<Duplicate />}
      loading={duplicating}
      onClick={async () => {
        if (await saveFirst()) await duplicate(documentId);
      }}
    >
      {t('campaignEditor.duplicate', 'Duplicate')}
    </Button>
  );
};
