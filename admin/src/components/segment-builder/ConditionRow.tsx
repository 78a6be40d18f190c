import { Flex, IconButton, NumberInput, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import type { Condition } from '../../../../shared/contracts/segments';
import { CONTACT_STATES } from '../../../../shared/contracts/contacts';
import { FIELDS, kindOf, reshape } from './catalog';

interface Props {
  condition: Condition;
  onChange: (next: Condition) => void;
  onRemove: () => void;
}

/** One condition: field, operator and a value input that fits the operator. */
export const ConditionRow = ({ condition, onChange, onRemove }: Props) => {
  const spec = FIELDS[condition.field];
  const kind = kindOf(condition);
  const text = (value: string) => onChange({ ...condition, value });

  return (
    <Flex gap={2} alignItems="center" wrap="wrap">
      <SingleSelect aria-label="Field" value={condition.field} onChange={(field: string | number) => onChange(reshape(condition, String(field)))}>
        {Object.entries(FIELDS).map(([value, f]) => (
          <SingleSelectOption key={value} value={value}>
            {f.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      {condition.field === 'attribute' && (
        <TextInput
          aria-label="Attribute name"
          placeholder="plan or address.city"
          value={condition.path ?? ''}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...condition, path: e.target.value })}
        />
      )}
      <SingleSelect
        aria-label="Operator"
        value={condition.operator}
        onChange={(operator: string | number) => onChange(reshape(condition, condition.field, String(operator)))}
      >
        {spec.operators.map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>
            {o.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      {kind === 'text' && (
        <TextInput aria-label="Value" value={String(condition.value ?? '')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => text(e.target.value)} />
      )}
      {kind === 'list' && (
        <TextInput
          aria-label="Values"
          value={(condition.value as string[] | undefined)?.join(', ') ?? ''}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            onChange({ ...condition, value: e.target.value.split(',').map((v) => v.trim()).filter(Boolean) })
          }
        />
      )}
      {kind === 'date' && (
        <TextInput
          aria-label="Date"
          type="date"
          value={String(condition.value ?? '').slice(0, 10)}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => text(e.target.value ? new Date(`${e.target.value}T00:00:00Z`).toISOString() : '')}
        />
      )}
      {(kind === 'number' || kind === 'days') && (
        <NumberInput
          aria-label={kind === 'days' ? 'Days' : 'Number'}
          value={Number(condition.value ?? 0)}
          onValueChange={(value: number | undefined) => onChange({ ...condition, value: value ?? 0 })}
        />
      )}
      {kind === 'state' && (
        <SingleSelect aria-label="State" value={String(condition.value)} onChange={(value: string | number) => text(String(value))}>
          {CONTACT_STATES.map((state) => (
            <SingleSelectOption key={state} value={state}>
              {state}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      )}
      <IconButton label="Remove condition" variant="ghost" onClick={onRemove}>
        <Trash />
      </IconButton>
    </Flex>
  );
};
