import { useState } from 'react';
import { Field, Textarea, TextInput } from '@strapi/design-system';
import { errorMessage, fieldErrors } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormDialog } from '../dialogs/FormDialog';
import { useResetOnOpen } from '../../hooks/use-reset-on-open';

export interface TemplateDetails {
  name: string;
  description: string | null;
}

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  initial: TemplateDetails;
  onClose: () => void;
  /** Resolves when saved; rejects with the server's refusal, shown under the field it names. */
  onSubmit: (details: TemplateDetails) => Promise<void>;
}

/** A template's name and description: asked when a campaign is saved as one, and to rename one. */
export const TemplateDetailsDialog = ({ open, title, submitLabel, initial, onClose, onSubmit }: Props) => {
  const t = usePluginMessages();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  // Each opening starts from what it is given, without the last opening's errors.
  useResetOnOpen(open, () => {
    setName(initial.name);
    setDescription(initial.description ?? '');
    setErrors({});
    setError(undefined);
  });

  return (
    <FormDialog
      open={open}
      title={title}
      submitLabel={submitLabel}
      onClose={onClose}
      validate={() => {
        if (!name.trim()) setErrors({ name: t('templates.name.missing', 'Give the template a name') });
        return Boolean(name.trim());
      }}
      onSubmit={() => onSubmit({ name: name.trim(), description: description.trim() || null })}
      onError={(e) => {
        const named = fieldErrors(e);
        setErrors(named);
        // A refusal about the campaign's content (the template checks) names a field this form does not have.
        setError(named.name || named.description ? undefined : errorMessage(e));
      }}
      error={error}
    >
      <Field.Root name="name" error={errors.name} required>
        <Field.Label>{t('templates.name.label', 'Template name')}</Field.Label>
        <TextInput value={name} maxLength={200} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
        <Field.Error />
      </Field.Root>
      <Field.Root
        name="description"
        error={errors.description}
        hint={t('templates.description.hint', 'Shown under the name in the gallery.')}
      >
        <Field.Label>{t('templates.description.label', 'Description')}</Field.Label>
        <Textarea
          value={description}
          maxLength={500}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setDescription(e.target.value)}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
