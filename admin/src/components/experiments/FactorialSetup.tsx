import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { MAX_VARIANTS, type VariantField } from '../../../../shared/contracts/experiments';
import { cellsOf } from '../../../../shared/factorial-cells';
import { errorFor } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TextField } from '../campaign-editor/TextField';
import {
  addFactor,
  addLevel,
  canAddFactor,
  canAddLevel,
  canRemoveFactor,
  canRemoveLevel,
  fieldsLeft,
  removeFactor,
  removeLevel,
  setFactorField,
  setLevel,
  type FactorValues,
} from './factorial-form';
import { adminTimeZone } from './send-time';
import { SendTimeField } from './SendTimeField';

interface Props {
  factors: FactorValues[];
  onChange: (factors: FactorValues[]) => void;
  /** The server's refusals by path (`factors.0.levels.1.value`). */
  errors: Record<string, string>;
  disabled: boolean;
}

/** A factor's field in the admin's language. */
export const useFieldLabels = (): Record<VariantField, string> => {
  const t = usePluginMessages();
  return {
    subject: t('experiments.variant.subject', 'Subject'),
    preheader: t('experiments.variant.preheader', 'Preheader'),
    fromName: t('experiments.variant.fromName', 'From name'),
    content: t('experiments.factor.content', 'Content'),
    sendAt: t('experiments.variant.sendAt', 'Send time'),
  };
};

const Alert = ({ text }: { text?: string }) =>
  text ? (
    <Typography textColor="danger600" role="alert">
      {text}
    </Typography>
  ) : null;

interface LevelProps {
  at: string;
  field: VariantField;
  /** The level's group ("Subject level 2"). */
  title: string;
  level: FactorValues['levels'][number];
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (change: Partial<FactorValues['levels'][number]>) => void;
  onRemove?: () => void;
}

/** One level: its name in the results and the field's value (MJML in a text area, a send time on a date-time picker). */
const LevelFields = ({ at, field, title, level, errors, disabled, onChange, onRemove }: LevelProps) => {
  const t = usePluginMessages();
  const labels = useFieldLabels();
  return (
    <Box role="group" aria-label={title} background="neutral0" padding={3} hasRadius>
      <Grid.Root gap={3}>
        <Grid.Item col={4} s={12}>
          <TextField
            name={`${at}.name`}
            label={t('experiments.variant.name', 'Name')}
            value={level.name}
            onChange={(name) => onChange({ name })}
            error={errors[`${at}.name`]}
            disabled={disabled}
            required
          />
        </Grid.Item>
        <Grid.Item col={onRemove ? 6 : 8} s={12}>
          {field === 'content' ? (
            <Field.Root name={`${at}.value`} error={errors[`${at}.value`]} required>
              <Field.Label>{t('experiments.variant.content', 'Content (MJML)')}</Field.Label>
              <Textarea
                value={level.value}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ value: e.target.value })}
                disabled={disabled}
              />
              <Field.Error />
            </Field.Root>
          ) : field === 'sendAt' ? (
            <SendTimeField
              name={`${at}.value`}
              value={level.value}
              onChange={(value) => onChange({ value })}
              error={errors[`${at}.value`]}
              disabled={disabled}
              hint={t('experiments.factor.sendAt.hint', 'In your time zone ({zone}).', { zone: adminTimeZone() })}
            />
          ) : (
            <TextField
              name={`${at}.value`}
              label={labels[field]}
              value={level.value}
              onChange={(value) => onChange({ value })}
              error={errors[`${at}.value`]}
              disabled={disabled}
              required
            />
          )}
        </Grid.Item>
        {onRemove && (
          <Grid.Item col={2} s={12}>
            <Button variant="danger-light" size="S" onClick={onRemove} disabled={disabled}>
              {t('experiments.factor.removeLevel', 'Remove level')}
            </Button>
          </Grid.Item>
        )}
      </Grid.Root>
    </Box>
  );
};

/** The combinations a save makes, keyed as the server keys them (A: every factor's first level, the control). */
const Combinations = ({ factors }: { factors: FactorValues[] }) => {
  const t = usePluginMessages();
  const labels = useFieldLabels();
  const counts = factors.map((f) => f.levels.length);
  const total = counts.reduce((product, n) => product * n, 1);
  const heading = t('experiments.factor.combinations', 'Combinations');
  return (
    <Box role="region" aria-label={heading} background="neutral100" padding={4} hasRadius>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="delta" tag="h3">
          {heading}
        </Typography>
        <Typography>
          {t('experiments.factor.count', '{formula} = {total, plural, one {# combination} other {# combinations}}', {
            formula: counts.join(' × '),
            total,
          })}
        </Typography>
        {total > MAX_VARIANTS ? (
          <Typography textColor="danger600">
            {t('experiments.factor.tooMany', 'At most {max} combinations: use fewer levels or factors.', { max: MAX_VARIANTS })}
          </Typography>
        ) : (
          <ul>
            {cellsOf(factors).map((cell, index) => {
              const levels = factors.map((f) => `${labels[f.field]}: ${cell.cell?.[f.field] ?? ''}`).join(' · ');
              return (
                <li key={cell.key}>
                  <Typography>
                    {index === 0
                      ? t('experiments.factor.control', '{key} (control): {levels}', { key: cell.key, levels })
                      : t('experiments.factor.cell', '{key}: {levels}', { key: cell.key, levels })}
                  </Typography>
                </li>
              );
            })}
          </ul>
        )}
      </Flex>
    </Box>
  );
};

/**
 * A multivariate test's set-up: up to three factors (fields), two to four levels each, and the
 * combinations they make (every one is a variant, sent and decided as an A/B test's; the results
 * add each level's main effect).
 */
export const FactorialSetup = ({ factors, onChange, errors, disabled }: Props) => {
  const t = usePluginMessages();
  const labels = useFieldLabels();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="pi" textColor="neutral600">
        {t(
          'experiments.factor.hint',
          'Every combination of the levels is sent as a variant; the first level of each factor makes the control.'
        )}
      </Typography>
      <Alert text={errors.factors} />
      {factors.map((factor, index) => {
        const title = t('experiments.factor.title', 'Factor {number}', { number: index + 1 });
        return (
          <Box key={index} role="group" aria-label={title} background="neutral100" padding={4} hasRadius>
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Flex justifyContent="space-between">
                <Typography variant="delta" tag="h3">
                  {title}
                </Typography>
                {canRemoveFactor(factors) && (
                  <Button variant="danger-light" size="S" onClick={() => onChange(removeFactor(factors, index))} disabled={disabled}>
                    {t('experiments.factor.remove', 'Remove factor {number}', { number: index + 1 })}
                  </Button>
                )}
              </Flex>
              <Field.Root name={`factors.${index}.field`} error={errors[`factors.${index}.field`]}>
                <Field.Label>{t('experiments.factor.field', 'Field')}</Field.Label>
                <SingleSelect
                  value={factor.field}
                  onChange={(field: string | number) => onChange(setFactorField(factors, index, String(field) as VariantField))}
                  disabled={disabled}
                >
                  {fieldsLeft(factors, index).map((field) => (
                    <SingleSelectOption key={field} value={field}>
                      {labels[field]}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
              <Alert text={errors[`factors.${index}.levels`]} />
              {factor.levels.map((level, levelIndex) => (
                <LevelFields
                  key={levelIndex}
                  at={`factors.${index}.levels.${levelIndex}`}
                  field={factor.field}
                  title={t('experiments.factor.level', '{field} level {number}', { field: labels[factor.field], number: levelIndex + 1 })}
                  level={level}
                  errors={errors}
                  disabled={disabled}
                  onChange={(change) => onChange(setLevel(factors, index, levelIndex, change))}
                  onRemove={canRemoveLevel(factor) ? () => onChange(removeLevel(factors, index, levelIndex)) : undefined}
                />
              ))}
              {!disabled && canAddLevel(factor) && (
                <Box>
                  <Button variant="secondary" onClick={() => onChange(addLevel(factors, index))}>
                    {t('experiments.factor.addLevel', 'Add a level')}
                  </Button>
                </Box>
              )}
            </Flex>
          </Box>
        );
      })}
      {!disabled && canAddFactor(factors) && (
        <Box>
          <Button variant="secondary" onClick={() => onChange(addFactor(factors))}>
            {t('experiments.factor.add', 'Add a factor')}
          </Button>
        </Box>
      )}
      <Combinations factors={factors} />
      <Alert text={errorFor(errors, 'variants')} />
    </Flex>
  );
};
