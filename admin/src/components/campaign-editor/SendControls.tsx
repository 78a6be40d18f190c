import { useState } from 'react';
import { Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { editorActionsFor, type CampaignState, type EditorAction } from '../../../../shared/contracts/campaign-lifecycle';
import { useCheckCampaignMutation } from '../../api/presend';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PresendCheckButton } from './PresendCheckButton';
import { PresendSummary } from './PresendSummary';

interface Props {
  documentId: string;
  name: string;
  state: CampaignState;
  audienceSize: number | null | undefined;
  /** The form has changes the send would save first. */
  unsaved: boolean;
  /** Runs one send action; the page says how it went. */
  onAction: (action: ButtonAction) => Promise<void>;
}

/** The lifecycle's editor actions that are buttons here: scheduling is the schedule panel's, with its date and time. */
export type ButtonAction = Exclude<EditorAction, 'schedule'>;

const VARIANT: Record<ButtonAction, 'default' | 'secondary' | 'danger-light'> = {
  send: 'default',
  unschedule: 'secondary',
  pause: 'secondary',
  resume: 'default',
  cancel: 'danger-light',
};

/** Starting and cancelling cannot be taken back: they ask first. */
const CONFIRMED: readonly ButtonAction[] = ['send', 'cancel'];

const isButton = (action: EditorAction): action is ButtonAction => action !== 'schedule';

/** The buttons of the send actions the lifecycle offers in this state (shared/contracts/campaign-lifecycle.ts). */
export const SendControls = ({ documentId, name, state, audienceSize, unsaved, onAction }: Props) => {
  const t = usePluginMessages();
  const [confirming, setConfirming] = useState<ButtonAction>();
  const [busy, setBusy] = useState<ButtonAction>();
  const [check, checked] = useCheckCampaignMutation();

  // Sending is confirmed with what the pre-send check found in front of the editor: its errors are overridden only by confirming.
  const ask = async (action: ButtonAction) => {
    if (action === 'send') {
      setBusy('send');
      await check(documentId);
      setBusy(undefined);
    }
    setConfirming(action);
  };

  const run = async (action: ButtonAction) => {
    setConfirming(undefined);
    setBusy(action);
    try {
      await onAction(action);
    } finally {
      setBusy(undefined);
    }
  };

  // Before sending starts there is nothing under way to stop: cancelling a scheduled campaign drops it.
  const cancelsSend = state === 'sending' || state === 'paused';
  const label: Record<ButtonAction, string> = {
    send: t('sending.action.send', 'Send now'),
    unschedule: t('sending.action.unschedule', 'Unschedule'),
    pause: t('sending.action.pause', 'Pause'),
    resume: t('sending.action.resume', 'Resume'),
    cancel: cancelsSend ? t('sending.action.cancel', 'Cancel sending') : t('sending.action.cancelScheduled', 'Cancel campaign'),
  };
  const audience =
    typeof audienceSize === 'number'
      ? t('sending.confirm.audience', '{count, plural, one {# contact} other {# contacts}}', { count: audienceSize })
      : t('sending.confirm.audienceUnknown', 'its segment');

  const actions = editorActionsFor(state);
  return (
    <Flex gap={2}>
      {(actions.includes('send') || actions.includes('schedule')) && <PresendCheckButton documentId={documentId} unsaved={unsaved} />}
      {actions.filter(isButton).map((action) => (
        <Button
          key={action}
          variant={VARIANT[action]}
          loading={busy === action}
          disabled={Boolean(busy)}
          onClick={() => (CONFIRMED.includes(action) ? ask(action) : run(action))}
        >
          {label[action]}
        </Button>
      ))}
      <Dialog.Root open={Boolean(confirming)} onOpenChange={(open: boolean) => !open && setConfirming(undefined)}>
        {confirming === 'send' && (
          <ConfirmDialog onConfirm={() => run('send')} title={label.send} variant={checked.data?.blocking ? 'danger' : 'default'}>
            <Dialog.Body>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <PresendSummary report={checked.data} error={checked.error} unsaved={unsaved} />
                <Typography>
                  {[
                    t('sending.confirm.send', 'Send "{name}" now to {audience}?', { name, audience }),
                    unsaved ? t('sending.confirm.savedFirst', 'Your changes are saved first.') : '',
                    t('sending.confirm.locked', 'While it sends, only its name can change.'),
                  ]
                    .filter(Boolean)
                    .join(' ')}
                </Typography>
              </Flex>
            </Dialog.Body>
          </ConfirmDialog>
        )}
        {confirming === 'cancel' && (
          <ConfirmDialog onConfirm={() => run('cancel')} title={label.cancel} variant="danger">
            {cancelsSend
              ? t('sending.confirm.cancel', 'Stop sending "{name}" for good? Contacts not mailed yet will not get it.', { name })
              : t('sending.confirm.cancelScheduled', 'Cancel "{name}" for good? It will not be sent.', { name })}
          </ConfirmDialog>
        )}
      </Dialog.Root>
    </Flex>
  );
};
