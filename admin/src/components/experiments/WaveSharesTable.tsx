import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { Experiment } from '../../../../shared/contracts/experiments';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TableHead } from '../list/TableHead';
import { percent } from './decision-words';

/**
 * A bandit's waves so far: when each started and the share of its contacts each variant got (the
 * first even, each later one by the variants' probability of being best when it started).
 */
export const WaveSharesTable = ({ experiment }: { experiment: Experiment }) => {
  const t = usePluginMessages();
  const title = t('experiments.waves.title', 'Waves');
  const keys = experiment.variants.map((v) => v.key);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="delta" tag="h3">
        {title}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {t('experiments.waves.progress', '{started, number} of {waves, number} waves started; each variant’s share of a wave’s contacts.', {
          started: experiment.waveShares.length,
          waves: experiment.waves,
        })}
      </Typography>
      <Table colCount={keys.length + 2} rowCount={experiment.waveShares.length + 1} aria-label={title}>
        <TableHead
          columns={[
            t('experiments.waves.wave', 'Wave'),
            t('experiments.waves.started', 'Started'),
            ...keys.map((key) => t('experiments.waves.variant', 'Variant {key}', { key })),
          ]}
        />
        <Tbody>
          {experiment.waveShares.map((wave) => (
            <Tr key={wave.wave} aria-label={t('experiments.waves.row', 'Wave {wave, number}', { wave: wave.wave })}>
              <Td>
                <Typography>{wave.wave}</Typography>
              </Td>
              <Td>
                <Typography>{formatDate(wave.startedAt)}</Typography>
              </Td>
              {keys.map((key) => (
                <Td key={key}>
                  <Typography>{t('experiments.waves.share', '{share, number}%', { share: percent(wave.shares[key] ?? 0) })}</Typography>
                </Td>
              ))}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};
