import { Field, Flex, Grid, TextInput } from '@strapi/design-system';
import { ENTRY_LAYOUTS, type ContentBlockType } from '../../../../shared/contracts/content-blocks';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import type { EntriesForm } from './entries-form';
import { fieldsFor, placeholderFields, type FieldRole } from './field-roles';
import { SelectField } from './SelectField';

interface Props {
  type: ContentBlockType;
  form: EntriesForm;
  onChange: (next: Partial<EntriesForm>) => void;
}

/** Which field of the type shows as each part of an entry, its link, its button and the layout. */
export const FieldMapping = ({ type, form, onChange }: Props) => {
  const t = usePluginMessages();
  const none = { value: '', label: t('contentBlocks.fields.none', 'None') };
  const roles: { role: FieldRole; label: string }[] = [
    { role: 'title', label: t('contentBlocks.fields.title', 'Title') },
    { role: 'text', label: t('contentBlocks.fields.text', 'Text') },
    { role: 'image', label: t('contentBlocks.fields.image', 'Image') },
  ];
  const text = (name: 'link' | 'button') => ({
    value: form[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [name]: e.target.value }),
  });
  const example = placeholderFields(type)[0]?.name ?? 'slug';
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Grid.Root gap={2}>
        {roles.map(({ role, label }) => (
          <Grid.Item key={role} col={4} s={12} direction="column" alignItems="stretch">
            <SelectField
              name={role}
              label={label}
              value={form[role]}
              onChange={(value) => onChange({ [role]: value })}
              options={[none, ...fieldsFor(type, role).map(({ name }) => ({ value: name, label: name }))]}
            />
          </Grid.Item>
        ))}
      </Grid.Root>
      <Field.Root
        name="link"
        hint={t('contentBlocks.fields.link.hint', 'Fields in braces are replaced, e.g. {example}', {
          example: `https://example.com/${type.uid.split('.').pop()}/{${example}}`,
        })}
      >
        <Field.Label>{t('contentBlocks.fields.link', 'Link')}</Field.Label>
        <TextInput placeholder="https://" {...text('link')} />
        <Field.Hint />
      </Field.Root>
      <Grid.Root gap={2}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name="button" hint={t('contentBlocks.fields.button.hint', 'Empty: no button')}>
            <Field.Label>{t('contentBlocks.fields.button', 'Button label')}</Field.Label>
            <TextInput {...text('button')} />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <SelectField
            name="layout"
            label={t('contentBlocks.fields.layout', 'Layout')}
            value={form.layout}
            onChange={(layout) => onChange({ layout: ENTRY_LAYOUTS.find((l) => l === layout) ?? 'stack' })}
            options={[
              { value: 'stack', label: t('contentBlocks.fields.layout.stack', 'One under the other') },
              { value: 'cards', label: t('contentBlocks.fields.layout.cards', 'Cards, two per row') },
            ]}
          />
        </Grid.Item>
      </Grid.Root>
    </Flex>
  );
};
