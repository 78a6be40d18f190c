import { SingleSelect, SingleSelectOption } from '@strapi/design-system';

const ANY = '';

interface Props {
  /** The chosen option's value, or '' for any. */
  value: string;
  onChange: (value: string) => void;
  label: string;
  /** Shown while no option is chosen: what "any" means for this filter. */
  placeholder: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

/** One filter of a list: a choice among options, cleared back to "any". */
export const FilterSelect = ({ value, onChange, label, placeholder, options }: Props) => (
  <SingleSelect
    aria-label={label}
    placeholder={placeholder}
    value={value || ANY}
    onChange={(chosen: string | number) => onChange(String(chosen))}
    onClear={() => onChange(ANY)}
    size="S"
  >
    {options.map((option) => (
      <SingleSelectOption key={option.value} value={option.value}>
        {option.label}
      </SingleSelectOption>
    ))}
  </SingleSelect>
);
