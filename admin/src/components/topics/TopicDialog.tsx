import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Flex, Modal, Textarea, TextInput, Toggle, Typography } from '@strapi/design-system';
import type { Topic, TopicInput } from '../../../../shared/contracts/topics';
import { errorMessage, fieldErrorMessage } from '../../api/errors';

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
  const [input, setInput] = useState<TopicInput>(empty);
  const [errors, setErrors] = useState<{ name?: string; description?: string; form?: string }>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setInput(topic ? { name: topic.name, description: topic.description ?? '', isPublic: topic.isPublic } : empty);
    setErrors({});
  }, [open, topic]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!input.name.trim()) {
      setErrors({ name: 'Give the topic a name' });
      return;
    }
    setSaving(true);
    try {
      await onSubmit({ name: input.name.trim(), description: input.description?.trim() || null, isPublic: input.isPublic });
      onClose();
    } catch (e) {
      const name = fieldErrorMessage(e, 'name');
      const description = fieldErrorMessage(e, 'description');
      setErrors(name || description ? { name, description } : { form: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>{topic ? `Edit "${topic.name}"` : 'New topic'}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="name" error={errors.name} required>
                <Field.Label>Name</Field.Label>
                <TextInput
                  value={input.name}
                  maxLength={200}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setInput({ ...input, name: e.target.value })}
                />
                <Field.Error />
              </Field.Root>
              <Field.Root name="description" error={errors.description}>
                <Field.Label>Description</Field.Label>
                <Textarea
                  value={input.description ?? ''}
                  maxLength={2000}
                  onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setInput({ ...input, description: e.target.value })}
                />
                <Field.Error />
              </Field.Root>
              <Field.Root name="isPublic" hint="Public topics are offered on the subscribers' preference page.">
                <Field.Label>Public</Field.Label>
                <Toggle
                  onLabel="Public"
                  offLabel="Private"
                  checked={input.isPublic}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setInput({ ...input, isPublic: e.target.checked })}
                />
                <Field.Hint />
              </Field.Root>
              {errors.form && (
                <Typography textColor="danger600" role="alert">
                  {errors.form}
                </Typography>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">Cancel</Button>
            </Modal.Close>
            <Button type="submit" loading={saving}>
              {topic ? 'Save' : 'Create'}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
