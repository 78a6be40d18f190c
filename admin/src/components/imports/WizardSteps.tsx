import { Flex, Typography } from '@strapi/design-system';

export const STEPS = ['File', 'Mapping', 'Options', 'Import'] as const;
export type WizardStep = (typeof STEPS)[number];

/** Where the admin is in the import wizard: the four steps, the current one marked. */
export const WizardSteps = ({ current }: { current: WizardStep }) => (
  <Flex tag="ol" gap={6} aria-label="Import steps">
    {STEPS.map((step, index) => (
      <Typography
        key={step}
        tag="li"
        aria-current={step === current ? 'step' : undefined}
        fontWeight={step === current ? 'bold' : 'regular'}
        textColor={step === current ? 'primary600' : 'neutral600'}
      >
        {index + 1}. {step}
      </Typography>
    ))}
  </Flex>
);
