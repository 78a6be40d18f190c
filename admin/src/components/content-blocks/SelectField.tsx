import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}

/**
 * A labelled select whose empty value is an option of its own ("None", "Newest first"): the design
 * system's select cannot show an empty string as chosen, so '' travels as NONE.
 */
const NONE = '__none__';

export const SelectField = ({ name, label, hint, value, onChange, options }: Props) => (
  <Field.Root name={name} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value || NONE} onChange={(next: string | number) => onChange(next === NONE ? '' : String(next))}>
      {options.map((option) => (
        <SingleSelectOption key={option.value || NONE} value={option.value || NONE}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    {hint && <Field.Hint />}
  </Field.Root>
);
