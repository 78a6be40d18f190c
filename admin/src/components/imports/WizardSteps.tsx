import { Flex, Typography } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

export const STEPS = ['File', 'Mapping', 'Options', 'Import'] as const;
export type WizardStep = (typeof STEPS)[number];

/** Where the admin is in the import wizard: the four steps, the current one marked. */
export const WizardSteps = ({ current }: { current: WizardStep }) => {
  const t = usePluginMessages();
  return (
    <Flex tag="ol" gap={6} aria-label={t('imports.steps.label', 'Import steps')}>
      {STEPS.map((step, index) => (
        <Typography
          key={step}
          tag="li"
          aria-current={step === current ? 'step' : undefined}
          fontWeight={step === current ? 'bold' : 'regular'}
          textColor={step === current ? 'primary600' : 'neutral600'}
        >
          {index + 1}. {t(`imports.step.${step}`, step)}
        </Typography>
      ))}
    </Flex>
  );
};
