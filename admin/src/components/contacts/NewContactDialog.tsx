import { useEffect, useState } from 'react';
import { Field, TextInput, Textarea } from '@strapi/design-system';
import type { ContactTopic } from '../../../../shared/contracts/contacts';
import type { ContactInput } from '../../api/contacts';
import { errorFor, errorMessage, fieldErrors } from '../../api/errors';
import { FormDialog } from '../dialogs/FormDialog';
import { ContactFields, contactFieldsOf, contactInputOf, type ContactFieldValues } from './ContactFields';

const NO_CONSENT = { source: 'Added in the admin', text: '' };

interface Props {
  open: boolean;
  topics: ContactTopic[];
  onClose: () => void;
  /** Resolves when created; rejects with the server's error, shown under the fields it names. */
  onSubmit: (input: ContactInput) => Promise<void>;
}

/** Adds one subscribed contact, with the consent record of how it was given. */
export const NewContactDialog = ({ open, topics, onClose, onSubmit }: Props) => {
  const [fields, setFields] = useState<ContactFieldValues>(contactFieldsOf);
  const [consent, setConsent] = useState(NO_CONSENT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  useEffect(() => {
    if (open) {
      setFields(contactFieldsOf());
      setConsent(NO_CONSENT);
      setErrors({});
      setFormError(undefined);
    }
  }, [open]);

  return (
    <FormDialog
      open={open}
      title="New contact"
      submitLabel="Create"
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
        hint="Where the person agreed to receive mail: a form, an event, a call"
      >
        <Field.Label>Consent source</Field.Label>
        <TextInput
          value={consent.source}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setConsent((c) => ({ ...c, source: e.target.value }))}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Field.Root name="consentText" error={errorFor(errors, 'consent.text')} hint="The wording the person agreed to">
        <Field.Label>Consent text</Field.Label>
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
