import { useState } from 'react';
import { Field, TextInput, Textarea } from '@strapi/design-system';
import type { ContactInput, ContactTopic } from '../../../../shared/contracts/contacts';
import { errorFor, errorMessage, fieldErrors } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormDialog } from '../dialogs/FormDialog';
import { ContactFields, contactFieldsOf, contactInputOf, type ContactFieldValues } from './ContactFields';
import { useResetOnOpen } from '../../hooks/use-reset-on-open';

interface Props {
  open: boolean;
  topics: ContactTopic[];
  onClose: () => void;
  /** Resolves when created; rejects with the server's error, shown under the fields it names. */
  onSubmit: (input: ContactInput) => Promise<void>;
}

/** Adds one subscribed contact, with the consent record of how it was given. */
export const NewContactDialog = ({ open, topics, onClose, onSubmit }: Props) => {
  const t = usePluginMessages();
  const defaultSource = t('contacts.new.defaultConsentSource', 'Added in the admin');
  const [fields, setFields] = useState<ContactFieldValues>(contactFieldsOf);
  const [consent, setConsent] = useState({ source: defaultSource, text: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  // Each opening starts an empty form.
  useResetOnOpen(open, () => {
    setFields(contactFieldsOf());
    setConsent({ source: defaultSource, text: '' });
    setErrors({});
    setFormError(undefined);
  });

  return (
    <FormDialog
      open={open}
      title={t('contacts.new.title', 'New contact')}
      submitLabel={t('contacts.new.create', 'Create')}
      onClose={onClose}
      onSubmit={() =>
        onSubmit({ ...contactInputOf(fields, undefined), consent: { source: consent.source.trim(), text: consent.text.trim() || null } })
      }
      onError={(e) => {
        const byField = fieldErrors(e);
        setErrors(byField);
        setFormError(Object.keys(byField).length ? undefined : errorMessage(e));
      }}
      error={formError}
    >
      <ContactFields values={fields} onChange={(next) => setFields((f) => ({ ...f, ...next }))} topics={topics} errors={errors} />
      <Field.Root
        name="consentSource"
        error={errorFor(errors, 'consent.source') ?? errorFor(errors, 'consent')}
        required
        hint={t('contacts.new.consentSourceHint', 'Where the person agreed to receive mail: a form, an event, a call')}
      >
        <Field.Label>{t('contacts.consent.source', 'Consent source')}</Field.Label>
        <TextInput
          value={consent.source}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setConsent((c) => ({ ...c, source: e.target.value }))}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Field.Root
        name="consentText"
        error={errorFor(errors, 'consent.text')}
        hint={t('contacts.new.consentTextHint', 'The wording the person agreed to')}
      >
        <Field.Label>{t('contacts.consent.text', 'Consent text')}</Field.Label>
        <Textarea
          value={consent.text}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setConsent((c) => ({ ...c, text: e.target.value }))}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
