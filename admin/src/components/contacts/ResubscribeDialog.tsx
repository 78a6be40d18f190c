import { useEffect, useState } from 'react';
import { Button, Field, Flex, Modal, TextInput, Textarea, Typography } from '@strapi/design-system';
import { errorMessage } from '../../api/campaigns';
import { errorFor, fieldErrors } from '../../api/field-errors';

interface Props {
  open: boolean;
  email: string;
  onClose: () => void;
  onSubmit: (consent: { source: string; text: string }) => Promise<void>;
}

/** A resubscribe is only lawful with fresh consent: where it was given and the words agreed to. */
export const ResubscribeDialog = ({ open, email, onClose, onSubmit }: Props) => {
  const [source, setSource] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      setSource('');
      setText('');
      setErrors({});
    }
  }, [open]);

  const submit = async () => {
    const missing = {
      ...(source.trim() ? {} : { 'consent.source': 'Say where the consent was given' }),
      ...(text.trim() ? {} : { 'consent.text': 'Give the text the person agreed to' }),
    };
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    setSaving(true);
    try {
      await onSubmit({ source: source.trim(), text: text.trim() });
      onClose();
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(Object.keys(byField).length ? byField : { 'consent.source': errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>Resubscribe {email}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography tag="p">The new consent replaces the contact's consent record, with the time and your IP address.</Typography>
            <Field.Root name="consentSource" error={errorFor(errors, 'consent.source')} required>
              <Field.Label>Consent source</Field.Label>
              <TextInput value={source} placeholder="Phone call, signed form, event…" onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSource(e.target.value)} />
              <Field.Error />
            </Field.Root>
            <Field.Root name="consentText" error={errorFor(errors, 'consent.text')} required>
              <Field.Label>Consent text</Field.Label>
              <Textarea value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Cancel</Button>
          </Modal.Close>
          <Button onClick={submit} loading={saving}>
            Resubscribe
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
