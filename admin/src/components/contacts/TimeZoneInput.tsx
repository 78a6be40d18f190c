import { TextInput } from '@strapi/design-system';

const LIST_ID = 'campaigns-time-zones';
const zones = (): string[] => {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
};

interface Props {
  value: string;
  onChange: (value: string) => void;
}

/** A free text input that suggests the browser's IANA zones; the server has the last word on validity. */
export const TimeZoneInput = ({ value, onChange }: Props) => (
  <>
    <TextInput
      list={LIST_ID}
      value={value}
      placeholder="Europe/Paris"
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
    />
    <datalist id={LIST_ID}>
      {zones().map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  </>
);
