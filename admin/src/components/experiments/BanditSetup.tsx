import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TextField } from '../campaign-editor/TextField';

interface Props {
  waves: string;
  waveMinutes: string;
  onChange: (next: { waves?: string; waveMinutes?: string }) => void;
  /** The server's refusals by field path. */
  errors: Record<string, string>;
  disabled: boolean;
}

/** Each wave's part of the audience in whole percent, or null while the number of waves cannot be read. */
export const waveSharePercent = (waves: string): number | null => {
  const n = Number(waves);
  return Number.isInteger(n) && n >= 1 ? Math.round(100 / n) : null;
};

/**
 * A bandit's set-up: how many waves the audience goes out in, and the pause between a wave's send
 * and the next one's shares. Every contact is in one wave (a keyed hash); the first is split
 * evenly, each later one gives more of its contacts to the variants doing best so far.
 */
export const BanditSetup = ({ waves, waveMinutes, onChange, errors, disabled }: Props) => {
  const t = usePluginMessages();
  const share = waveSharePercent(waves);
  return (
    <Box role="group" aria-label={t('experiments.bandit.title', 'Waves')} background="neutral100" padding={4} hasRadius>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h3">
          {t('experiments.bandit.title', 'Waves')}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'experiments.bandit.hint',
            'The whole audience is sent in waves. The first wave is split evenly between the variants; each later wave gives more of its contacts to the variants doing best so far.'
          )}
        </Typography>
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12}>
            <TextField
              name="waves"
              label={t('experiments.bandit.waves', 'Number of waves')}
              hint={
                share === null ? undefined : t('experiments.bandit.waveShare', 'Each wave ≈ {share, number}% of the audience', { share })
              }
              value={waves}
              onChange={(value) => onChange({ waves: value })}
              error={errors.waves}
              disabled={disabled}
            />
          </Grid.Item>
          <Grid.Item col={6} s={12}>
            <TextField
              name="waveMinutes"
              label={t('experiments.bandit.waveMinutes', 'Minutes between waves')}
              hint={t('experiments.bandit.waveMinutes.hint', 'From a wave’s send to the next wave’s shares: time for results to come in.')}
              value={waveMinutes}
              onChange={(value) => onChange({ waveMinutes: value })}
              error={errors.waveMinutes}
              disabled={disabled}
            />
          </Grid.Item>
        </Grid.Root>
      </Flex>
    </Box>
  );
};
