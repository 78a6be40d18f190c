import { Field, Switch } from '@strapi/design-system';
import { usePluginMessages } from '../hooks/use-plugin-messages';

interface Props {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * A labelled switch that says On or Off beside it. The label names the switch itself too: the
 * design system's Switch does not take its name from the field's label.
 */
export const OnOffSwitch = ({ name, label, checked, onChange }: Props) => {
  const t = usePluginMessages();
  return (
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <Switch
        aria-label={label}
        checked={checked}
        onCheckedChange={onChange}
        onLabel={t('schedule.on', 'On')}
        offLabel={t('schedule.off', 'Off')}
        visibleLabels
      />
    </Field.Root>
  );
};
