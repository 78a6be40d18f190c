import { useState, type ComponentType } from 'react';
import { Button } from '@strapi/design-system';
import { Image } from '@strapi/icons';
import { useStrapiApp } from '@strapi/strapi/admin';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import type { MediaAsset } from './image-element';

/** The upload plugin's dialog (registered as the 'media-library' component): browse, upload, pick. */
type MediaLibraryDialog = ComponentType<{
  allowedTypes?: ('images' | 'files' | 'videos' | 'audios')[];
  multiple?: boolean;
  onClose: () => void;
  onSelectAssets: (assets: MediaAsset[]) => void;
}>;

interface Props {
  disabled?: boolean;
  onSelect: (assets: MediaAsset[]) => void;
}

/** "Insert image": Strapi's Media Library, where the editor may upload a file too. */
export const MediaLibraryButton = ({ disabled, onSelect }: Props) => {
  const t = usePluginMessages();
  const [open, setOpen] = useState(false);
  const components = useStrapiApp('MediaLibraryButton', (state) => state.components);
  // Absent when the upload plugin is disabled: then there is no library to open.
  const Dialog = components['media-library'] as MediaLibraryDialog | undefined;
  if (!Dialog) return null;
  return (
    <>
      <Button variant="secondary" size="S" startIcon={<Image />} disabled={disabled} onClick={() => setOpen(true)}>
        {t('contentBlocks.image.insert', 'Insert image')}
      </Button>
      {open && (
        <Dialog
          allowedTypes={['images']}
          multiple={false}
          onClose={() => setOpen(false)}
          onSelectAssets={(assets) => {
            setOpen(false);
            onSelect(assets);
          }}
        />
      )}
    </>
  );
};
