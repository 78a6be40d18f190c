import { useState } from 'react';
import { Field, TextInput, Typography } from '@strapi/design-system';
import { ERASE_CONFIRMATION_WORD } from '../../../../shared/contracts/privacy';
import { errorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormDialog } from '../dialogs/FormDialog';
import { useResetOnOpen } from '../../hooks/use-reset-on-open';

interface Props {
  open: boolean;
  email: string;
  onClose: () => void;
  /** Sends what was typed; the server checks it again. */
  onErase: (confirm: string) => Promise<void>;
}

/** Whether the typed text confirms: the address in any case, or the word as shown (the server's rule, erase-input.ts). */
const confirms = (typed: string, email: string) =>
  typed.trim() === ERASE_CONFIRMATION_WORD || typed.trim().toLowerCase() === email.toLowerCase();

/**
 * Erasure cannot be undone, so the editor types the address (or ERASE) before the button does
 * anything: a click alone never erases a person.
 */
export const EraseContactDialog = ({ open, email, onClose, onErase }: Props) => {
  const t = usePluginMessages();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();

  // Each opening asks again.
  useResetOnOpen(open, () => {
    setTyped('');
    setError(undefined);
  });

  const validate = () => {
    if (confirms(typed, email)) return true;
    setError(t('contacts.erase.mismatch', 'Type {email} or {word} to confirm', { email, word: ERASE_CONFIRMATION_WORD }));
    return false;
  };

  return (
    <FormDialog
      open={open}
      title={t('contacts.erase.title', 'Erase {email}', { email })}
      submitLabel={t('contacts.erase.submit', 'Erase for good')}
      submitVariant="danger"
      onClose={onClose}
      validate={validate}
      onSubmit={() => onErase(typed.trim())}
      onError={(e) => setError(errorMessage(e))}
    >
      <Typography tag="p">
        {t(
          'contacts.erase.intro',
          "Erasing removes this person's data everywhere the plugin keeps it: the contact and its consent record, the address on its deliveries, the client details of its opens and clicks, bounce reports and replies. The address stays suppressed by a one-way hash, so it is never mailed or imported again. This cannot be undone."
        )}
      </Typography>
      <Field.Root name="eraseConfirm" error={error} required>
        <Field.Label>
          {t('contacts.erase.confirmLabel', 'Type the address or {word} to confirm', { word: ERASE_CONFIRMATION_WORD })}
        </Field.Label>
        <TextInput
          value={typed}
          autoComplete="off"
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
            setTyped(e.target.value);
            setError(undefined);
          }}
        />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
