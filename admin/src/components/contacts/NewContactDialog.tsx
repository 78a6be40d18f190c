import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Flex, Grid, Modal, TextInput, Textarea } from '@strapi/design-system';
import type { ContactTopic } from '../../../../shared/contracts/contacts';
import type { ContactInput } from '../../api/contacts';
import { errorFor, fieldErrors } from '../../api/field-errors';
import { errorMessage } from '../../api/campaigns';
import { TimeZoneInput } from './TimeZoneInput';
import { TopicsSelect } from './TopicsSelect';

const EMPTY = { email: '', firstName: '', lastName: '', locale: '', timezone: '', consentSource: 'Added in the admin', consentText: '' };
type Draft = typeof EMPTY;

interface Props {
  open: boolean;
  topics: ContactTopic[];
  onClose: () => void;
  /** Resolves when created; rejects with the server's error, shown under the fields it names. */
  onSubmit: (input: ContactInput) => Promise<void>;
}

const toInput = (draft: Draft, topics: string[]): ContactInput => {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    email: draft.email,
    firstName: optional(draft.firstName),
    lastName: optional(draft.lastName),
    locale: optional(draft.locale),
    timezone: optional(draft.timezone),
    topics,
    consent: { source: draft.consentSource.trim(), text: optional(draft.consentText) ?? null },
  };
};

/** Adds one subscribed contact, with the consent record of how it was given. */
export const NewContactDialog = ({ open, topics, onClose, onSubmit }: Props) => {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [topicIds, setTopicIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      setDraft(EMPTY);
      setTopicIds([]);
      setErrors({});
      setFormError(undefined);
    }
  }, [open]);

  const set = (field: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await onSubmit(toInput(draft, topicIds));
      onClose();
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      setFormError(Object.keys(byField).length ? undefined : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const text = (field: keyof Draft, label: string, props: { required?: boolean; hint?: string; error?: string } = {}) => (
    <Field.Root name={field} error={props.error ?? errorFor(errors, field)} required={props.required} hint={props.hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput value={draft[field]} onChange={set(field)} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>New contact</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {text('email', 'Email', { required: true })}
              <Grid.Root gap={4}>
                <Grid.Item col={6} direction="column" alignItems="stretch">
                  {text('firstName', 'First name')}
                </Grid.Item>
                <Grid.Item col={6} direction="column" alignItems="stretch">
                  {text('lastName', 'Last name')}
                </Grid.Item>
                <Grid.Item col={6} direction="column" alignItems="stretch">
                  {text('locale', 'Locale', { hint: 'A BCP 47 tag such as en or fr-CA' })}
                </Grid.Item>
                <Grid.Item col={6} direction="column" alignItems="stretch">
                  <Field.Root name="timezone" error={errorFor(errors, 'timezone')}>
                    <Field.Label>Time zone</Field.Label>
                    <TimeZoneInput value={draft.timezone} onChange={(timezone) => setDraft((d) => ({ ...d, timezone }))} />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
              <Field.Root name="topics" error={errorFor(errors, 'topics')}>
                <Field.Label>Topics</Field.Label>
                <TopicsSelect label="Topics" topics={topics} value={topicIds} onChange={setTopicIds} hasError={Boolean(errorFor(errors, 'topics'))} />
                <Field.Error />
              </Field.Root>
              {text('consentSource', 'Consent source', {
                required: true,
                hint: 'Where the person agreed to receive mail: a form, an event, a call',
                error: errorFor(errors, 'consent.source') ?? errorFor(errors, 'consent'),
              })}
              <Field.Root name="consentText" error={errorFor(errors, 'consent.text')} hint="The wording the person agreed to">
                <Field.Label>Consent text</Field.Label>
                <Textarea value={draft.consentText} onChange={set('consentText')} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              {formError && (
                <Field.Root name="form" error={formError}>
                  <Field.Error />
                </Field.Root>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">Cancel</Button>
            </Modal.Close>
            <Button type="submit" loading={saving}>
              Create
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
