import { useState } from 'react';
import { Field, TextInput } from '@strapi/design-system';
import { errorMessage } from '../api/errors';
import { usePluginMessages } from '../hooks/use-plugin-messages';
import { FormDialog } from './dialogs/FormDialog';

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  initialName?: string;
  onClose: () => void;
  /** Resolves when saved; rejects with the server's refusal, whose message is shown under the field. */
  onSubmit: (name: string) => Promise<void>;
}

/** Asks for a campaign name: used to create a campaign (the list) and to rename one (the editor's header). */
export const CampaignNameDialog = ({ open, title, submitLabel, initialName = '', onClose, onSubmit }: Props) => {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string>();
  const t = usePluginMessages();

  // Each opening starts from the name it is given, without the last opening's error.
  const [openedWith, setOpenedWith] = useState<string>();
  const session = open ? initialName : undefined;
  if (session !== openedWith) {
    setOpenedWith(session);
    if (open) {
      setName(initialName);
      setError(undefined);
    }
  }

  return (
    <FormDialog
      open={open}
      title={title}
      submitLabel={submitLabel}
      onClose={onClose}
      validate={() => {
        if (!name.trim()) setError(t('campaigns.name.missing', 'Give the campaign a name'));
        return Boolean(name.trim());
      }}
      onSubmit={() => onSubmit(name.trim())}
      onError={(e) => setError(errorMessage(e))}
    >
      <Field.Root name="name" error={error} required>
        <Field.Label>{t('campaigns.name.label', 'Name')}</Field.Label>
        <TextInput value={name} maxLength={200} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
