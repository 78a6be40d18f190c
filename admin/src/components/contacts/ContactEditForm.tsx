import { useState, type FormEvent } from 'react';
import { Box, Button, Field, Flex, Textarea } from '@strapi/design-system';
import type { Contact, ContactInput, ContactTopic } from '../../../../shared/contracts/contacts';
import { errorFor, errorMessage, fieldErrors } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { formatAttributes, parseAttributes } from './attributes-json';
import { ContactFields, contactFieldsOf, contactInputOf, type ContactFieldValues } from './ContactFields';

interface Props {
  contact: Contact;
  topics: ContactTopic[];
  canWrite: boolean;
  /** Resolves when saved; rejects with the server's error, shown under the fields it names. */
  onSave: (input: ContactInput) => Promise<void>;
}

/** The contact's own fields and topics; its state has its own panel (it changes only through state actions). */
export const ContactEditForm = ({ contact, topics, canWrite, onSave }: Props) => {
  const t = usePluginMessages();
  const [fields, setFields] = useState<ContactFieldValues>(() => contactFieldsOf(contact));
  const [attributesText, setAttributesText] = useState(() => formatAttributes(contact.attributes));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const attributes = parseAttributes(attributesText);
    if (!attributes.ok) {
      setErrors({ attributes: t(attributes.error) });
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      await onSave({ ...contactInputOf(fields, null), attributes: attributes.value });
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(Object.keys(byField).length ? byField : { email: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('contacts.form.label', 'Contact details')}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <ContactFields
          values={fields}
          onChange={(next) => setFields((f) => ({ ...f, ...next }))}
          topics={topics}
          errors={errors}
          disabled={!canWrite}
        />
        <Field.Root
          name="attributes"
          error={errorFor(errors, 'attributes')}
          hint={t('contacts.form.attributesHint', 'A JSON object: \'{"plan": "pro", "city": "Lyon"}\'')}
        >
          <Field.Label>{t('contacts.form.attributes', 'Attributes')}</Field.Label>
          <Textarea
            value={attributesText}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setAttributesText(e.target.value)}
            disabled={!canWrite}
            style={{ fontFamily: 'monospace' }}
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        {canWrite && (
          <Box>
            <Button type="submit" loading={saving}>
              {t('contacts.form.save', 'Save')}
            </Button>
          </Box>
        )}
      </Flex>
    </form>
  );
};
