import { useState } from 'react';
import { Field, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { Suppression } from '../../../../shared/contracts/suppressions';
import { errorMessage, fieldErrorMessage } from '../../api/errors';
import { useRemoveSuppressionMutation } from '../../api/suppressions';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormDialog } from '../dialogs/FormDialog';

/** Lifts a suppression once the admin says why; who did it and the reason are kept. */
export const RemoveSuppressionDialog = ({ suppression, onClose }: { suppression?: Suppression; onClose: () => void }) => {
  const t = usePluginMessages();
  const { toggleNotification } = useNotification();
  const [removeSuppression] = useRemoveSuppressionMutation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const address = suppression?.email ?? t('suppressions.erasedAddress', 'an erased address');
  const close = () => {
    setNote('');
    setError(undefined);
    setFormError(undefined);
    onClose();
  };

  return (
    <FormDialog
      open={Boolean(suppression)}
      title={t('suppressions.remove.title', 'Remove suppression')}
      submitLabel={t('suppressions.remove.submit', 'Remove')}
      onClose={close}
      validate={() => {
        const missing = note.trim() ? undefined : t('suppressions.remove.noteRequired', 'Say why the suppression is removed.');
        setError(missing);
        return !missing;
      }}
      onSubmit={async () => {
        await removeSuppression({ documentId: suppression!.documentId, note }).unwrap();
        toggleNotification({
          type: 'success',
          message: t('suppressions.remove.done', 'Removed the suppression of {address}', { address }),
        });
      }}
      onError={(e) => {
        const onNote = fieldErrorMessage(e, 'note');
        setError(onNote);
        setFormError(onNote ? undefined : errorMessage(e));
      }}
      error={formError}
    >
      <Typography>
        {t(
          'suppressions.remove.warning',
          '{address} can be mailed again. Its contact is not resubscribed: a bounced or unsubscribed contact stays so.',
          { address }
        )}
      </Typography>
      <Field.Root name="note" error={error} required>
        <Field.Label>{t('suppressions.remove.note', 'Why is it removed?')}</Field.Label>
        <Textarea value={note} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)} />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
