import { useState } from 'react';
import { Button, Dialog, Flex } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { CampaignState } from '../../../../shared/contracts/campaigns';
import type { SendAction } from '../../api/sending';
import { plural } from '../../format';

interface Props {
  name: string;
  state: CampaignState;
  audienceSize: number | null | undefined;
  /** The form has changes the send would save first. */
  unsaved: boolean;
  /** Runs one send action; the page says how it went. */
  onAction: (action: SendAction) => Promise<void>;
}

/** The buttons that start, pause, resume and cancel a send; starting and cancelling ask first. */
export const SendControls = ({ name, state, audienceSize, unsaved, onAction }: Props) => {
  const [confirming, setConfirming] = useState<'send' | 'cancel'>();
  const [busy, setBusy] = useState<SendAction>();

  const run = async (action: SendAction) => {
    setConfirming(undefined);
    setBusy(action);
    try {
      await onAction(action);
    } finally {
      setBusy(undefined);
    }
  };

  const audience = typeof audienceSize === 'number' ? plural(audienceSize, 'contact') : 'its segment';
  const button = (action: SendAction, label: string, variant: 'default' | 'secondary' | 'danger-light', onClick: () => void) => (
    <Button variant={variant} loading={busy === action} disabled={Boolean(busy)} onClick={onClick}>
      {label}
    </Button>
  );

  return (
    <Flex gap={2}>
      {(state === 'draft' || state === 'scheduled') && button('send', 'Send now', 'default', () => setConfirming('send'))}
      {state === 'sending' && button('pause', 'Pause', 'secondary', () => run('pause'))}
      {state === 'paused' && button('resume', 'Resume', 'default', () => run('resume'))}
      {(state === 'sending' || state === 'paused') && button('cancel', 'Cancel sending', 'danger-light', () => setConfirming('cancel'))}
      <Dialog.Root open={Boolean(confirming)} onOpenChange={(open: boolean) => !open && setConfirming(undefined)}>
        {confirming === 'send' && (
          <ConfirmDialog onConfirm={() => run('send')} title="Send now" variant="default">
            {`Send "${name}" now to ${audience}?${unsaved ? ' Your changes are saved first.' : ''} While it sends, only its name can change.`}
          </ConfirmDialog>
        )}
        {confirming === 'cancel' && (
          <ConfirmDialog onConfirm={() => run('cancel')} title="Cancel sending" variant="danger">
            {`Stop sending "${name}" for good? Contacts not mailed yet will not get it.`}
          </ConfirmDialog>
        )}
      </Dialog.Root>
    </Flex>
  );
};
