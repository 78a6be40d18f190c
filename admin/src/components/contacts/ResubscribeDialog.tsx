import { useState } from 'react';
import { Field, TextInput, Textarea, Typography } from '@strapi/design-system';
import { errorFor, errorMessage, fieldErrors } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormDialog } from '../dialogs/FormDialog';
import { useResetOnOpen } from '../../hooks/use-reset-on-open';

interface Props {
  open: boolean;
  email: string;
  onClose: () => void;
  onSubmit: (consent: { source: string; text: string }) => Promise<void>;
}

/** A resubscribe is only lawful with fresh consent: where it was given and the words agreed to. */
export const ResubscribeDialog = ({ open, email, onClose, onSubmit }: Props) => {
  const t = usePluginMessages();
  const [source, setSource] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  // Each opening asks for the consent afresh.
  useResetOnOpen(open, () => {
    setSource('');
    setText('');
    setErrors({});
  });

  const validate = () => {
    const missing = {
      ...(source.trim() ? {} : { 'consent.source': t('contacts.resubscribe.sourceMissing', 'Say where the consent was given') }),
      ...(text.trim() ? {} : { 'consent.text': t('contacts.resubscribe.textMissing', 'Give the text the person agreed to') }),
    };
    setErrors(missing);
    return Object.keys(missing).length === 0;
  };

  return (
    <FormDialog
      open={open}
      title={t('contacts.resubscribe.title', 'Resubscribe {email}', { email })}
      submitLabel={t('contacts.resubscribe.submit', 'Resubscribe')}
      onClose={onClose}
      validate={validate}
      onSubmit={() => onSubmit({ source: source.trim(), text: text.trim() })}
      onError={(e) => {
        const byField = fieldErrors(e);
        setErrors(Object.keys(byField).length ? byField : { 'consent.source': errorMessage(e) });
      }}
    >
      <Typography tag="p">
        {t('contacts.resubscribe.intro', "The new consent replaces the contact's consent record, with the time and your IP address.")}
      </Typography>
      <Field.Root name="consentSource" error={errorFor(errors, 'consent.source')} required>
        <Field.Label>{t('contacts.consent.source', 'Consent source')}</Field.Label>
        <TextInput
          value={source}
          placeholder={t('contacts.resubscribe.sourcePlaceholder', 'Phone call, signed form, event…')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSource(e.target.value)}
        />
        <Field.Error />
      </Field.Root>
      <Field.Root name="consentText" error={errorFor(errors, 'consent.text')} required>
        <Field.Label>{t('contacts.consent.text', 'Consent text')}</Field.Label>
        <Textarea value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
