import { useState } from 'react';
import { Box, Button, Dialog, Field, Flex, Grid, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import { EXPERIMENT_DESIGNS, EXPERIMENT_METRICS, type Experiment } from '../../../../shared/contracts/experiments';
import { errorFor, errorMessage, fieldErrors } from '../../api/errors';
import { useDeleteExperimentMutation, useSaveExperimentMutation } from '../../api/experiments';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TextField } from '../campaign-editor/TextField';
import {
  addVariant,
  canAddVariant,
  canRemoveVariant,
  experimentFormValuesOf,
  experimentInputOf,
  removeVariant,
  variantsOf,
  WAIT_UNITS,
  type ExperimentFormValues,
  type VariantOverride,
  type VariantValues,
} from './experiment-form';
import { BanditSetup } from './BanditSetup';
import { FactorialSetup } from './FactorialSetup';
import { SendTimeField } from './SendTimeField';
import { VariantPreviews } from './VariantPreviews';

interface Props {
  documentId: string;
  /** The stored test, null when the campaign has none. */
  experiment: Experiment | null;
  /** Whether this admin may change the campaign now (the write action, a campaign whose send has not started). */
  canChange: boolean;
}

interface VariantProps {
  index: number;
  variant: VariantValues;
  errors: Record<string, string>;
  disabled: boolean;
  /** A bandit's variants have no send time of their own: its waves decide when they go. */
  withSendTime: boolean;
  onChange: (next: Partial<VariantValues>) => void;
  onRemove?: () => void;
}

const VariantFields = ({ index, variant, errors, disabled, withSendTime, onChange, onRemove }: VariantProps) => {
  const t = usePluginMessages();
  const at = (field: string) => errors[`variants.${index}.${field}`];
  const title =
    index === 0
      ? t('experiments.variant.control', 'Variant {key} (control)', { key: variant.key })
      : t('experiments.variant.title', 'Variant {key}', { key: variant.key });
  const overrides: Array<{ field: Exclude<VariantOverride, 'content' | 'sendAt'>; label: string }> = [
    { field: 'subject', label: t('experiments.variant.subject', 'Subject') },
    { field: 'preheader', label: t('experiments.variant.preheader', 'Preheader') },
    { field: 'fromName', label: t('experiments.variant.fromName', 'From name') },
  ];
  return (
    <Box role="group" aria-label={title} background="neutral100" padding={4} hasRadius>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between">
          <Typography variant="delta" tag="h3">
            {title}
          </Typography>
          {onRemove && (
            <Button variant="danger-light" size="S" onClick={onRemove} disabled={disabled}>
              {t('experiments.variant.remove', 'Remove variant {key}', { key: variant.key })}
            </Button>
          )}
        </Flex>
        {errors[`variants.${index}`] && (
          <Typography textColor="danger600" role="alert">
            {errors[`variants.${index}`]}
          </Typography>
        )}
        <Typography variant="pi" textColor="neutral600">
          {t('experiments.variant.hint', 'A field left empty sends the campaign’s own.')}
        </Typography>
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12}>
            <TextField
              name={`variants.${index}.name`}
              label={t('experiments.variant.name', 'Name')}
              value={variant.name}
              onChange={(name) => onChange({ name })}
              error={at('name')}
              disabled={disabled}
              required
            />
          </Grid.Item>
          {overrides.map(({ field, label }) => (
            <Grid.Item key={field} col={6} s={12}>
              <TextField
                name={`variants.${index}.${field}`}
                label={label}
                value={variant[field]}
                onChange={(value) => onChange({ [field]: value })}
                error={at(field)}
                disabled={disabled}
              />
            </Grid.Item>
          ))}
          {withSendTime && (
            <Grid.Item col={6} s={12}>
              <SendTimeField
                name={`variants.${index}.sendAt`}
                value={variant.sendAt}
                onChange={(sendAt) => onChange({ sendAt })}
                error={at('sendAt')}
                disabled={disabled}
              />
            </Grid.Item>
          )}
        </Grid.Root>
        <Field.Root name={`variants.${index}.content`} error={errorFor(errors, `variants.${index}.content`)}>
          <Field.Label>{t('experiments.variant.content', 'Content (MJML)')}</Field.Label>
          <Textarea
            value={variant.content}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ content: e.target.value })}
            disabled={disabled}
          />
          <Field.Error />
        </Field.Root>
      </Flex>
    </Box>
  );
};

/** The campaign's A/B test set-up: its variants and how it is decided, saved on its own. */
export const ExperimentPanel = ({ documentId, experiment, canChange }: Props) => {
  const t = usePluginMessages();
  const { toggleNotification } = useNotification();
  const [saveExperiment, { isLoading: saving }] = useSaveExperimentMutation();
  const [deleteExperiment] = useDeleteExperimentMutation();
  // Null: no test is being set up (none stored, or the editor has not started one).
  const [values, setValues] = useState<ExperimentFormValues | null>(() => (experiment ? experimentFormValuesOf(experiment) : null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState(false);
  const editable = canChange && (experiment?.editable ?? true);

  if (!values)
    return editable ? (
      <Box>
        <Button variant="secondary" onClick={() => setValues(experimentFormValuesOf(null))}>
          {t('experiments.setUp', 'Set up an A/B test')}
        </Button>
      </Box>
    ) : (
      <Typography textColor="neutral600">{t('experiments.none', 'This campaign has no A/B test.')}</Typography>
    );

  const set = (next: Partial<ExperimentFormValues>) => setValues({ ...values, ...next });
  const setVariant = (index: number, next: Partial<VariantValues>) =>
    set({ variants: values.variants.map((v, i) => (i === index ? { ...v, ...next } : v)) });

  const save = async () => {
    setErrors({});
    try {
      const saved = await saveExperiment({ documentId, data: experimentInputOf(values) }).unwrap();
      setValues(experimentFormValuesOf(saved));
      toggleNotification({ type: 'success', message: t('experiments.saved', 'A/B test saved') });
    } catch (e) {
      setErrors(fieldErrors(e));
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const remove = async () => {
    setRemoving(false);
    if (!experiment) {
      setValues(null);
      setErrors({});
      return;
    }
    try {
      await deleteExperiment(documentId).unwrap();
      setValues(null);
      setErrors({});
      toggleNotification({ type: 'success', message: t('experiments.removed', 'A/B test removed') });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const disabled = !editable;
  const select = (name: string, label: string, value: string, onChange: (value: string) => void, options: [string, string][]) => (
    <Field.Root name={name} error={errors[name]}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value} onChange={(v: string | number) => onChange(String(v))} disabled={disabled}>
        {options.map(([option, text]) => (
          <SingleSelectOption key={option} value={option}>
            {text}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );
  const metricWords: Record<string, string> = {
    open: t('experiments.metric.open', 'Opens'),
    click: t('experiments.metric.click', 'Clicks'),
    'click-to-open': t('experiments.metric.click-to-open', 'Clicks of openers'),
    reply: t('experiments.metric.reply', 'Replies'),
  };
  const designWords: Record<string, string> = {
    ab: t('experiments.design.ab', 'A/B test'),
    factorial: t('experiments.design.factorial', 'Multivariate (all combinations)'),
    bandit: t('experiments.design.bandit', 'Bandit (shift traffic as results come in)'),
  };
  const unitWords: Record<string, string> = {
    minutes: t('experiments.wait.minutes', 'minutes'),
    hours: t('experiments.wait.hours', 'hours'),
    days: t('experiments.wait.days', 'days'),
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {experiment && !experiment.editable && (
        <Typography textColor="neutral600">
          {t('experiments.locked', 'This A/B test is {state}: its set-up can no longer change.', {
            state: t(`experiments.state.${experiment.state}`, experiment.state),
          })}
        </Typography>
      )}
      {select(
        'design',
        t('experiments.design', 'Test design'),
        values.design,
        (design) => set({ design: design as ExperimentFormValues['design'] }),
        EXPERIMENT_DESIGNS.map((d) => [d, designWords[d]])
      )}
      {values.design === 'factorial' && (
        <FactorialSetup factors={values.factors} onChange={(factors) => set({ factors })} errors={errors} disabled={disabled} />
      )}
      {values.design !== 'factorial' && errors.variants && (
        <Typography textColor="danger600" role="alert">
          {errors.variants}
        </Typography>
      )}
      {values.design !== 'factorial' &&
        values.variants.map((variant, index) => (
          <VariantFields
            key={variant.key}
            index={index}
            variant={variant}
            errors={errors}
            disabled={disabled}
            withSendTime={values.design !== 'bandit'}
            onChange={(next) => setVariant(index, next)}
            onRemove={editable && index > 0 && canRemoveVariant(values) ? () => setValues(removeVariant(values, index)) : undefined}
          />
        ))}
      {values.design !== 'factorial' && editable && canAddVariant(values) && (
        <Box>
          <Button variant="secondary" onClick={() => setValues(addVariant(values))}>
            {t('experiments.addVariant', 'Add a variant')}
          </Button>
        </Box>
      )}
      {values.design !== 'factorial' && <VariantPreviews documentId={documentId} variants={values.variants} />}
      {values.design === 'bandit' && (
        <BanditSetup waves={values.waves} waveMinutes={values.waveMinutes} onChange={set} errors={errors} disabled={disabled} />
      )}
      <Grid.Root gap={4}>
        {values.design !== 'bandit' && (
          <Grid.Item col={4} s={12}>
            <TextField
              name="testShare"
              label={t('experiments.testShare', 'Test share (% of the audience)')}
              hint={t('experiments.testShare.hint', 'Split evenly between the variants; 100 sends every variant to its share and stops.')}
              value={values.testShare}
              onChange={(testShare) => set({ testShare })}
              error={errors.testShare}
              disabled={disabled}
            />
          </Grid.Item>
        )}
        <Grid.Item col={4} s={12}>
          {select(
            'metric',
            t('experiments.metric', 'Metric'),
            values.metric,
            (metric) => set({ metric: metric as ExperimentFormValues['metric'] }),
            EXPERIMENT_METRICS.map((m) => [m, metricWords[m]])
          )}
        </Grid.Item>
        <Grid.Item col={2} s={6}>
          <TextField
            name="waitMinutes"
            label={t('experiments.wait', 'Wait before deciding')}
            value={values.waitAmount}
            onChange={(waitAmount) => set({ waitAmount })}
            error={errors.waitMinutes}
            disabled={disabled}
          />
        </Grid.Item>
        <Grid.Item col={2} s={6}>
          {select(
            'waitUnit',
            t('experiments.wait.unit', 'Unit'),
            values.waitUnit,
            (waitUnit) => set({ waitUnit: waitUnit as ExperimentFormValues['waitUnit'] }),
            WAIT_UNITS.map((u) => [u, unitWords[u]])
          )}
        </Grid.Item>
        <Grid.Item col={4} s={12}>
          {select(
            'decisionRule',
            t('experiments.rule', 'Decision rule'),
            values.decisionRule,
            (decisionRule) => set({ decisionRule: decisionRule as ExperimentFormValues['decisionRule'] }),
            [
              ['bayesian', t('experiments.rule.bayesian', 'Bayesian (probability of being best)')],
              ['frequentist', t('experiments.rule.frequentist', 'Frequentist (significance against the control)')],
            ]
          )}
        </Grid.Item>
        <Grid.Item col={4} s={12}>
          <TextField
            name="probabilityToWin"
            label={t('experiments.probabilityToWin', 'Probability to win (%)')}
            value={values.probabilityToWin}
            onChange={(probabilityToWin) => set({ probabilityToWin })}
            error={errors.probabilityToWin}
            disabled={disabled}
          />
        </Grid.Item>
        <Grid.Item col={4} s={12}>
          <TextField
            name="minSamplePerVariant"
            label={t('experiments.minSample', 'Minimum recipients per variant')}
            value={values.minSamplePerVariant}
            onChange={(minSamplePerVariant) => set({ minSamplePerVariant })}
            error={errors.minSamplePerVariant}
            disabled={disabled}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          {select(
            'noWinner',
            t('experiments.noWinner', 'Without a clear winner'),
            values.noWinner,
            (noWinner) => set({ noWinner: noWinner as ExperimentFormValues['noWinner'] }),
            [
              ['wait', t('experiments.noWinner.wait', 'Wait for me to pick')],
              ['send-default', t('experiments.noWinner.send-default', 'Send a default variant')],
            ]
          )}
        </Grid.Item>
        {values.noWinner === 'send-default' && (
          <Grid.Item col={6} s={12}>
            {select(
              'defaultVariant',
              t('experiments.defaultVariant', 'Default variant'),
              values.defaultVariant,
              (defaultVariant) => set({ defaultVariant }),
              variantsOf(values).map((v) => [v.key, `${v.key}: ${v.name}`])
            )}
          </Grid.Item>
        )}
      </Grid.Root>
      {editable && (
        <Flex gap={2}>
          <Button onClick={save} loading={saving}>
            {t('experiments.save', 'Save A/B test')}
          </Button>
          <Button variant="danger-light" onClick={() => setRemoving(true)}>
            {t('experiments.remove', 'Remove A/B test')}
          </Button>
        </Flex>
      )}
      <Dialog.Root open={removing} onOpenChange={(open: boolean) => !open && setRemoving(false)}>
        <ConfirmDialog title={t('experiments.remove', 'Remove A/B test')} onConfirm={remove}>
          {t('experiments.remove.warning', 'Remove this A/B test and its variants? The campaign goes out as a single message.')}
        </ConfirmDialog>
      </Dialog.Root>
    </Flex>
  );
};
