import { Field, Flex, NumberInput, TextInput } from '@strapi/design-system';
import { MAX_LATEST_ENTRIES, type ContentBlockType } from '../../../../shared/contracts/content-blocks';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import type { EntriesForm } from './entries-form';
import { placeholderFields } from './field-roles';
import { SelectField } from './SelectField';

interface Props {
  type: ContentBlockType;
  form: EntriesForm;
  onChange: (next: Partial<EntriesForm>) => void;
}

/** "The latest N": how many, an optional condition on one field, and the order. */
export const LatestFields = ({ type, form, onChange }: Props) => {
  const t = usePluginMessages();
  const fields = placeholderFields(type).map(({ name }) => ({ value: name, label: name }));
  const timestamps = [...(type.draftAndPublish ? ['publishedAt'] : []), 'createdAt', 'updatedAt'];
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="latest" hint={t('contentBlocks.latest.hint', 'Resolved when the campaign is sent')}>
        <Field.Label>{t('contentBlocks.latest.count', 'How many entries')}</Field.Label>
        <NumberInput
          value={form.latest}
          onValueChange={(value: number | undefined) => onChange({ latest: value ?? 0 })}
          step={1}
          min={1}
          max={MAX_LATEST_ENTRIES}
        />
        <Field.Hint />
      </Field.Root>
      <Flex gap={2} alignItems="flex-end">
        <SelectField
          name="filterField"
          label={t('contentBlocks.latest.filterField', 'Only entries whose')}
          value={form.filterField}
          onChange={(filterField) => onChange({ filterField })}
          options={[{ value: '', label: t('contentBlocks.latest.noFilter', 'All entries') }, ...fields]}
        />
        <SelectField
          name="filterOperator"
          label={t('contentBlocks.latest.operator', 'Condition')}
          value={form.filterOperator}
          onChange={(filterOperator) => onChange({ filterOperator: filterOperator === 'contains' ? 'contains' : 'eq' })}
          options={[
            { value: 'eq', label: t('contentBlocks.latest.operator.eq', 'is') },
            { value: 'contains', label: t('contentBlocks.latest.operator.contains', 'contains') },
          ]}
        />
        <Field.Root name="filterValue">
          <Field.Label>{t('contentBlocks.latest.value', 'Value')}</Field.Label>
          <TextInput
            value={form.filterValue}
            disabled={!form.filterField}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ filterValue: e.target.value })}
          />
        </Field.Root>
      </Flex>
      <Flex gap={2} alignItems="flex-end">
        <SelectField
          name="sortField"
          label={t('contentBlocks.latest.sort', 'Order by')}
          value={form.sortField}
          onChange={(sortField) => onChange({ sortField })}
          options={[
            { value: '', label: t('contentBlocks.latest.sort.default', 'Newest first') },
            ...timestamps.map((name) => ({ value: name, label: name })),
            ...fields,
          ]}
        />
        <SelectField
          name="sortDirection"
          label={t('contentBlocks.latest.direction', 'Direction')}
          value={form.sortDirection}
          onChange={(sortDirection) => onChange({ sortDirection: sortDirection === 'asc' ? 'asc' : 'desc' })}
          options={[
            { value: 'desc', label: t('contentBlocks.latest.direction.desc', 'Descending') },
            { value: 'asc', label: t('contentBlocks.latest.direction.asc', 'Ascending') },
          ]}
        />
      </Flex>
    </Flex>
  );
};
