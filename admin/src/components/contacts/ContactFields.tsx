import { Field, Grid, TextInput } from '@strapi/design-system';
import type { Contact, ContactInput, ContactTopic } from '../../../../shared/contracts/contacts';
import { errorFor } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TimeZoneInput } from './TimeZoneInput';
import { TopicsSelect } from './TopicsSelect';

/** The contact's own fields as the forms hold them: text as typed, topics by documentId. */
export interface ContactFieldValues {
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
  timezone: string;
  topics: string[];
}

export const contactFieldsOf = (contact?: Contact): ContactFieldValues => ({
  email: contact?.email ?? '',
  firstName: contact?.firstName ?? '',
  lastName: contact?.lastName ?? '',
  locale: contact?.locale ?? '',
  timezone: contact?.timezone ?? '',
  topics: contact?.topics.map((t) => t.documentId) ?? [],
});

/** The fields as the API takes them; an optional field left empty sends `blank` (null clears it on an update). */
export const contactInputOf = (values: ContactFieldValues, blank: null | undefined): ContactInput => {
  const optional = (value: string) => value.trim() || blank;
  return {
    email: values.email,
    firstName: optional(values.firstName),
    lastName: optional(values.lastName),
    locale: optional(values.locale),
    timezone: optional(values.timezone),
    topics: values.topics,
  };
};

type TextField = Exclude<keyof ContactFieldValues, 'timezone' | 'topics'>;

interface Props {
  values: ContactFieldValues;
  onChange: (values: Partial<ContactFieldValues>) => void;
  topics: ContactTopic[];
  /** The server's errors by field path, each shown under its input. */
  errors: Record<string, string>;
  disabled?: boolean;
}

/** Email, name, locale, time zone and topics: what the new contact dialog and the contact page both edit. */
export const ContactFields = ({ values, onChange, topics, errors, disabled }: Props) => {
  const t = usePluginMessages();
  const text = (field: TextField, label: string, hint?: string) => (
    <Field.Root name={field} error={errorFor(errors, field)} hint={hint} required={field === 'email'}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        value={values[field]}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ [field]: e.target.value })}
        disabled={disabled}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <>
      <Grid.Root gap={4}>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          {text('email', t('contacts.field.email', 'Email'))}
        </Grid.Item>
        <Grid.Item col={6} direction="column" alignItems="stretch">
          {text('firstName', t('contacts.field.firstName', 'First name'))}
        </Grid.Item>
        <Grid.Item col={6} direction="column" alignItems="stretch">
          {text('lastName', t('contacts.field.lastName', 'Last name'))}
        </Grid.Item>
        <Grid.Item col={6} direction="column" alignItems="stretch">
          {text('locale', t('contacts.field.locale', 'Locale'), t('contacts.field.localeHint', 'A BCP 47 tag such as en or fr-CA'))}
        </Grid.Item>
        <Grid.Item col={6} direction="column" alignItems="stretch">
          <Field.Root name="timezone" error={errorFor(errors, 'timezone')}>
            <Field.Label>{t('contacts.field.timezone', 'Time zone')}</Field.Label>
            <TimeZoneInput value={values.timezone} onChange={(timezone) => onChange({ timezone })} />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <Field.Root name="topics" error={errorFor(errors, 'topics')}>
        <Field.Label>{t('contacts.field.topics', 'Topics')}</Field.Label>
        <TopicsSelect
          label={t('contacts.field.topics', 'Topics')}
          topics={topics}
          value={values.topics}
          onChange={(ids) => onChange({ topics: ids })}
          hasError={Boolean(errorFor(errors, 'topics'))}
        />
        <Field.Error />
      </Field.Root>
    </>
  );
};
