import { useEffect, useState } from 'react';
import { Field, Textarea } from '@strapi/design-system';
import { errorMessage } from '../../api/errors';
import { FormDialog } from '../dialogs/FormDialog';
import { MAX_TEST_RECIPIENTS, parseRecipients, recipientsProblem } from './test-recipients';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Sends to these addresses; a rejection (the server's refusal) is shown in the dialog. */
  onSend: (emails: string[]) => Promise<void>;
}

/** Asks where to send a test of the campaign. */
export const SendTestDialog = ({ open, onClose, onSend }: Props) => {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (open) setError(undefined);
  }, [open]);

  return (
    <FormDialog
      open={open}
      title="Send a test"
      submitLabel="Send test"
      onClose={onClose}
      validate={() => {
        const problem = recipientsProblem(parseRecipients(text));
        setError(problem);
        return !problem;
      }}
      onSubmit={() => onSend(parseRecipients(text))}
      onError={(e) => setError(errorMessage(e))}
    >
      <Field.Root name="emails" error={error} hint={`Up to ${MAX_TEST_RECIPIENTS} addresses, separated by commas or new lines`} required>
        <Field.Label>Recipients</Field.Label>
        <Textarea value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
