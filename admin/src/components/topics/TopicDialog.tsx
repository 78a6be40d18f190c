import { useState } from 'react';
import { Field, Textarea, TextInput, Toggle } from '@strapi/design-system';
import type { Topic, TopicInput } from '../../../../shared/contracts/topics';
import { errorMessage, fieldErrorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormDialog } from '../dialogs/FormDialog';

interface Props {
  open: boolean;
  /** The topic to edit; none to create one. */
  topic?: Topic;
  onClose: () => void;
  /** Resolves when saved; rejects with the server's error, shown on the field it names. */
  onSubmit: (input: TopicInput) => Promise<void>;
}

const empty: TopicInput = { name: '', description: '', isPublic: true };

/** Creates a topic or edits one: name, description and whether the preference page offers it. */
export const TopicDialog = ({ open, topic, onClose, onSubmit }: Props) => {
  const t = usePluginMessages();
  const [input, setInput] = useState<TopicInput>(empty);
  const [errors, setErrors] = useState<{ name?: string; description?: string; form?: string }>({});

  // Each opening (or another topic) starts from the topic's values, or an empty form.
  const [shown, setShown] = useState<{ open: boolean; topic?: Topic }>({ open, topic });
  if (open !== shown.open || topic !== shown.topic) {
    setShown({ open, topic });
    if (open) {
      setInput(topic ? { name: topic.name, description: topic.description ?? '', isPublic: topic.isPublic } : empty);
      setErrors({});
    }
  }

  return (
    <FormDialog
      open={open}
      title={topic ? t('topics.dialog.editTitle', 'Edit "{name}"', { name: topic.name }) : t('topics.dialog.newTitle', 'New topic')}
      submitLabel={topic ? t('topics.dialog.save', 'Save') : t('topics.dialog.create', 'Create')}
      onClose={onClose}
      validate={() => {
        if (!input.name.trim()) setErrors({ name: t('topics.dialog.nameMissing', 'Give the topic a name') });
        return Boolean(input.name.trim());
      }}
      onSubmit={() => onSubmit({ name: input.name.trim(), description: input.description?.trim() || null, isPublic: input.isPublic })}
      onError={(e) => {
        const name = fieldErrorMessage(e, 'name');
        const description = fieldErrorMessage(e, 'description');
        setErrors(name || description ? { name, description } : { form: errorMessage(e) });
      }}
      error={errors.form}
    >
      <Field.Root name="name" error={errors.name} required>
        <Field.Label>{t('topics.dialog.name', 'Name')}</Field.Label>
        <TextInput
          value={input.name}
          maxLength={200}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setInput({ ...input, name: e.target.value })}
        />
        <Field.Error />
      </Field.Root>
      <Field.Root name="description" error={errors.description}>
        <Field.Label>{t('topics.dialog.description', 'Description')}</Field.Label>
        <Textarea
          value={input.description ?? ''}
          maxLength={2000}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setInput({ ...input, description: e.target.value })}
        />
        <Field.Error />
      </Field.Root>
      <Field.Root name="isPublic" hint={t('topics.dialog.publicHint', "Public topics are offered on the subscribers' preference page.")}>
        <Field.Label>{t('topics.dialog.public', 'Public')}</Field.Label>
        <Toggle
          onLabel={t('topics.dialog.public', 'Public')}
          offLabel={t('topics.dialog.private', 'Private')}
          checked={input.isPublic}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setInput({ ...input, isPublic: e.target.checked })}
        />
        <Field.Hint />
      </Field.Root>
    </FormDialog>
  );
};
