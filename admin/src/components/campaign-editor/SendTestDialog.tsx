import { useState } from 'react';
import { Field, Textarea } from '@strapi/design-system';
import { errorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormDialog } from '../dialogs/FormDialog';
import { MAX_TEST_RECIPIENTS, parseRecipients, recipientsProblem } from './test-recipients';
import { useResetOnOpen } from '../../hooks/use-reset-on-open';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Sends to these addresses; a rejection (the server's refusal) is shown in the dialog. */
  onSend: (emails: string[]) => Promise<void>;
}

/** Asks where to send a test of the campaign. */
export const SendTestDialog = ({ open, onClose, onSend }: Props) => {
  const t = usePluginMessages();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  // Each opening starts without the last opening's error (the addresses stay, to send again).
  useResetOnOpen(open, () => setError(undefined));

  return (
    <FormDialog
      open={open}
      title={t('campaignEditor.test.title', 'Send a test')}
      submitLabel={t('campaignEditor.test.submit', 'Send test')}
      onClose={onClose}
      validate={() => {
        const problem = recipientsProblem(parseRecipients(text));
        setError(problem && t(problem));
        return !problem;
      }}
      onSubmit={() => onSend(parseRecipients(text))}
      onError={(e) => setError(errorMessage(e))}
    >
      <Field.Root
        name="emails"
        error={error}
        hint={t('campaignEditor.test.hint', 'Up to {max} addresses, separated by commas or new lines', { max: MAX_TEST_RECIPIENTS })}
        required
      >
        <Field.Label>{t('campaignEditor.test.recipients', 'Recipients')}</Field.Label>
        <Textarea value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
