import {
  Flex,
  IconButton,
  MultiSelect,
  MultiSelectOption,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import type { Condition } from '../../../../shared/contracts/segments';
import { CONTACT_STATES } from '../../../../shared/contracts/contacts';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { ACTIVITIES, FIELDS, kindOf, reshape } from './catalog';
import { useChoices } from './choices';

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
  const choices = useChoices();
  const t = usePluginMessages();

  return (
    <Flex gap={2} alignItems="center" wrap="wrap">
      <SingleSelect
        aria-label={t('segmentBuilder.condition.field', 'Field')}
        value={condition.field}
        onChange={(field: string | number) => onChange(reshape(condition, String(field)))}
      >
        {Object.entries(FIELDS).map(([value, f]) => (
          <SingleSelectOption key={value} value={value}>
            {t(f.label)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      {condition.field === 'attribute' && (
        <TextInput
          aria-label={t('segmentBuilder.condition.attribute', 'Attribute name')}
          placeholder={t('segmentBuilder.condition.attribute.placeholder', 'plan or address.city')}
          value={condition.path ?? ''}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...condition, path: e.target.value })}
        />
      )}
      <SingleSelect
        aria-label={t('segmentBuilder.condition.operator', 'Operator')}
        value={condition.operator}
        onChange={(operator: string | number) => onChange(reshape(condition, condition.field, String(operator)))}
      >
        {spec.operators.map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>
            {typeof o.label === 'string' ? o.label : t(o.label)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      {kind === 'text' && (
        <TextInput
          aria-label={t('segmentBuilder.condition.value', 'Value')}
          value={String(condition.value ?? '')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => text(e.target.value)}
        />
      )}
      {kind === 'list' && (
        <TextInput
          aria-label={t('segmentBuilder.condition.values', 'Values')}
          value={(condition.value as string[] | undefined)?.join(', ') ?? ''}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            onChange({
              ...condition,
              value: e.target.value
                .split(',')
                .map((v) => v.trim())
                .filter(Boolean),
            })
          }
        />
      )}
      {kind === 'date' && (
        <TextInput
          aria-label={t('segmentBuilder.condition.date', 'Date')}
          type="date"
          value={String(condition.value ?? '').slice(0, 10)}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            text(e.target.value ? new Date(`${e.target.value}T00:00:00Z`).toISOString() : '')
          }
        />
      )}
      {(kind === 'number' || kind === 'days') && (
        <NumberInput
          aria-label={kind === 'days' ? t('segmentBuilder.condition.days', 'Days') : t('segmentBuilder.condition.number', 'Number')}
          value={Number(condition.value ?? 0)}
          onValueChange={(value: number | undefined) => onChange({ ...condition, value: value ?? 0 })}
        />
      )}
      {kind === 'state' && (
        <SingleSelect
          aria-label={t('segmentBuilder.condition.state', 'State')}
          value={String(condition.value)}
          onChange={(value: string | number) => text(String(value))}
        >
          {CONTACT_STATES.map((state) => (
            <SingleSelectOption key={state} value={state}>
              {t(`segmentBuilder.contactState.${state}`, state)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      )}
      {kind === 'topics' && (
        <MultiSelect
          aria-label={t('segmentBuilder.condition.topics', 'Topics')}
          placeholder={t('segmentBuilder.condition.topics.placeholder', 'Choose topics')}
          withTags
          value={(condition.value as string[] | undefined) ?? []}
          onChange={(value: string[]) => onChange({ ...condition, value })}
        >
          {choices.topics.map((topic) => (
            <MultiSelectOption key={topic.documentId} value={topic.documentId}>
              {topic.name}
            </MultiSelectOption>
          ))}
        </MultiSelect>
      )}
      {kind === 'engagement' && (
        <>
          <SingleSelect
            aria-label={t('segmentBuilder.condition.activity', 'Activity')}
            value={condition.activity}
            onChange={(activity: string | number) => onChange({ ...condition, activity: String(activity) })}
          >
            {ACTIVITIES.map((a) => (
              <SingleSelectOption key={a.value} value={a.value}>
                {t(a.label)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <SingleSelect
            aria-label={t('segmentBuilder.condition.campaign', 'Campaign')}
            value={condition.campaign}
            onChange={(campaign: string | number) => onChange({ ...condition, campaign: String(campaign) })}
          >
            <SingleSelectOption value="any">{t('segmentBuilder.condition.anyCampaign', 'any campaign')}</SingleSelectOption>
            {choices.campaigns.map((c) => (
              <SingleSelectOption key={c.documentId} value={c.documentId}>
                {c.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Typography>{t('segmentBuilder.condition.inTheLast', 'in the last')}</Typography>
          <NumberInput
            aria-label={t('segmentBuilder.condition.withinDays', 'Within days')}
            placeholder={t('segmentBuilder.condition.withinDays.placeholder', 'any number of')}
            value={condition.withinDays}
            onValueChange={(days: number | undefined) => {
              const { withinDays: _dropped, ...rest } = condition;
              onChange(days ? { ...rest, withinDays: days } : rest);
            }}
          />
          <Typography>{t('segmentBuilder.condition.daysAfter', 'days')}</Typography>
        </>
      )}
      <IconButton label={t('segmentBuilder.condition.remove', 'Remove condition')} variant="ghost" onClick={onRemove}>
        <Trash />
      </IconButton>
    </Flex>
  );
};
