import { useState } from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Stack } from '@strapi/icons';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { EntriesDialog } from './EntriesDialog';
import { entriesElement } from './entries-element';
import { imageElement } from './image-element';
import { MediaLibraryButton } from './MediaLibraryButton';
import type { Slot } from './place-element';

interface Props {
  /** Puts an element into the MJML where `slot` allows it (see place-element.ts). */
  onInsert: (element: string, slot: Slot) => void;
  disabled?: boolean;
}

/** The server that serves /uploads; the admin may be served from another origin (window.strapi.backendURL). */
const backendUrl = () => {
  const strapi = (window as { strapi?: { backendURL?: string } }).strapi;
  return strapi?.backendURL || window.location.origin;
};

/** Above the MJML: the site's content as blocks, and images from the Media Library. */
export const ContentBlocksToolbar = ({ onInsert, disabled }: Props) => {
  const t = usePluginMessages();
  const [entriesOpen, setEntriesOpen] = useState(false);
  return (
    <Flex gap={2} wrap="wrap">
      <Button variant="secondary" size="S" startIcon={<Stack />} disabled={disabled} onClick={() => setEntriesOpen(true)}>
        {t('contentBlocks.entries.open', 'Insert entries')}
      </Button>
      <MediaLibraryButton
        disabled={disabled}
        onSelect={(assets) => {
          if (assets.length) onInsert(assets.map((asset) => imageElement(asset, backendUrl())).join(''), 'column');
        }}
      />
      {entriesOpen && (
        <EntriesDialog
          onClose={() => setEntriesOpen(false)}
          onInsert={(attributes) => {
            setEntriesOpen(false);
            onInsert(entriesElement(attributes), 'section');
          }}
        />
      )}
    </Flex>
  );
};
