import { useState, type FormEvent } from 'react';
import { Box, Button, Field, Flex, Grid, TextInput, Textarea } from '@strapi/design-system';
import type { Contact, ContactTopic } from '../../../../shared/contracts/contacts';
import { errorMessage } from '../../api/campaigns';
import type { ContactInput } from '../../api/contacts';
import { errorFor, fieldErrors } from '../../api/field-errors';
import { formatAttributes, parseAttributes } from './attributes-json';
import { TimeZoneInput } from './TimeZoneInput';
import { TopicsSelect } from './TopicsSelect';

interface Props {
  contact: Contact;
  topics: ContactTopic[];
  canWrite: boolean;
  /** Resolves when saved; rejects with the server's error, shown under the fields it names. */
  onSave: (input: ContactInput) => Promise<void>;
}

const draftOf = (c: Contact) => ({
  email: c.email,
  firstName: c.firstName ?? '',
  lastName: c.lastName ?? '',
  locale: c.locale ?? '',
  timezone: c.timezone ?? '',
  attributes: formatAttributes(c.attributes),
});
type Draft = ReturnType<typeof draftOf>;

const orNull = (value: string) => value.trim() || null;

/** The contact's own fields and topics; its state has its own panel (it changes only through state actions). */
export const ContactEditForm = ({ contact, topics, canWrite, onSave }: Props) => {
  const [draft, setDraft] = useState<Draft>(() => draftOf(contact));
  const [topicIds, setTopicIds] = useState(() => contact.topics.map((t) => t.documentId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const set = (field: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const attributes = parseAttributes(draft.attributes);
    if (!attributes.ok) {
      setErrors({ attributes: attributes.error });
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      await onSave({
        email: draft.email,
        firstName: orNull(draft.firstName),
        lastName: orNull(draft.lastName),
        locale: orNull(draft.locale),
        timezone: orNull(draft.timezone),
        attributes: attributes.value,
        topics: topicIds,
      });
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(Object.keys(byField).length ? byField : { email: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const text = (field: Exclude<keyof Draft, 'attributes' | 'timezone'>, label: string, hint?: string) => (
    <Field.Root name={field} error={errorFor(errors, field)} hint={hint} required={field === 'email'}>
      <Field.Label>{label}</Field.Label>
      <TextInput value={draft[field]} onChange={set(field)} disabled={!canWrite} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Contact details">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Grid.Root gap={4}>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            {text('email', 'Email')}
          </Grid.Item>
          <Grid.Item col={6} direction="column" alignItems="stretch">
            {text('firstName', 'First name')}
          </Grid.Item>
          <Grid.Item col={6} direction="column" alignItems="stretch">
            {text('lastName', 'Last name')}
          </Grid.Item>
          <Grid.Item col={6} direction="column" alignItems="stretch">
            {text('locale', 'Locale', 'A BCP 47 tag such as en or fr-CA')}
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
        <Field.Root name="attributes" error={errorFor(errors, 'attributes')} hint='A JSON object: {"plan": "pro", "city": "Lyon"}'>
          <Field.Label>Attributes</Field.Label>
          <Textarea value={draft.attributes} onChange={set('attributes')} disabled={!canWrite} style={{ fontFamily: 'monospace' }} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        {canWrite && (
          <Box>
            <Button type="submit" loading={saving}>
              Save
            </Button>
          </Box>
        )}
      </Flex>
    </form>
  );
};
