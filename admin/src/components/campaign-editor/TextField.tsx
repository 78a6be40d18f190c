import { Field, TextInput } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
  required?: boolean;
  type?: 'text' | 'email' | 'date' | 'time';
}

/** One labelled text input with its hint and the server's error under it. */
export const TextField = ({ name, label, value, onChange, error, hint, disabled, required, type = 'text' }: Props) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      type={type}
      value={value}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      disabled={disabled}
    />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
