import { useState } from 'react';
import { Button, Flex, Modal } from '@strapi/design-system';
import { useCheckCampaignMutation } from '../../api/presend';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PresendSummary } from './PresendSummary';

/** The pre-send check on demand: run now on the campaign as saved, its findings in a dialog. */
export const PresendCheckButton = ({ documentId, unsaved }: { documentId: string; unsaved: boolean }) => {
  const t = usePluginMessages();
  const [open, setOpen] = useState(false);
  const [check, checked] = useCheckCampaignMutation();
  const title = t('presend.title', 'Pre-send check');
  return (
    <>
      <Button
        variant="tertiary"
        loading={checked.isLoading}
        onClick={async () => {
          await check(documentId);
          setOpen(true);
        }}
      >
        {t('presend.run', 'Check before sending')}
      </Button>
      <Modal.Root open={open} onOpenChange={setOpen}>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <PresendSummary report={checked.data} error={checked.error} unsaved={unsaved} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('presend.close', 'Close')}</Button>
            </Modal.Close>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
    </>
  );
};
