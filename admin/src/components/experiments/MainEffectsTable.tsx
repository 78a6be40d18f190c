import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { Experiment, MainEffectFigures } from '../../../../shared/contracts/experiments';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TableHead } from '../list/TableHead';
import { StateBadge } from '../StateBadge';
import { points } from './decision-words';
import { useFieldLabels } from './FactorialSetup';

/** A p-value with two significant digits, a tiny one as a bound. */
const pValueOf = (p: number) => (p < 0.001 ? '< 0.001' : String(Number(p.toPrecision(2))));

/**
 * A multivariate test's main effects: for each level of each factor, its rate (the mean of its
 * combinations'), its effect in points against its factor's average, and whether it is significant.
 */
export const MainEffectsTable = ({ effects, metric }: { effects: MainEffectFigures[]; metric: Experiment['metric'] }) => {
  const t = usePluginMessages();
  const labels = useFieldLabels();
  const title = t('experiments.effects.title', 'Main effects');
  if (effects.every((e) => e.trials === 0))
    return <Typography textColor="neutral600">{t('experiments.effects.none', 'Main effects: no figures yet.')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="delta" tag="h3">
        {title}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {t('experiments.effects.hint', 'A level’s effect is its rate minus the average of its factor’s levels, in percentage points.')}
      </Typography>
      <Table colCount={6} rowCount={effects.length + 1} aria-label={title}>
        <TableHead
          columns={[
            t('experiments.effects.factor', 'Factor'),
            t('experiments.effects.level', 'Level'),
            metric === 'click-to-open' ? t('experiments.effects.rateOfOpeners', 'Rate of openers') : t('experiments.effects.rate', 'Rate'),
            t('experiments.effects.effect', 'Effect'),
            t('experiments.effects.pValue', 'Adjusted p-value'),
            t('experiments.effects.significant', 'Significant'),
          ]}
        />
        <Tbody>
          {effects.map((e) => (
            <Tr key={`${e.factor}:${e.level}`} aria-label={`${labels[e.factor]}: ${e.level}`}>
              <Td>
                <Typography>{labels[e.factor]}</Typography>
              </Td>
              <Td>
                <Typography>{e.level}</Typography>
              </Td>
              <Td>
                <Typography>
                  {t('experiments.effects.rateValue', '{rate, number}% ({successes, number} of {trials, number})', {
                    rate: points(e.rate),
                    successes: e.successes,
                    trials: e.trials,
                  })}
                </Typography>
              </Td>
              <Td>
                <Typography>
                  {t('experiments.effects.points', '{sign}{effect, number} points', {
                    sign: e.effect > 0 ? '+' : '',
                    effect: points(e.effect),
                  })}
                </Typography>
              </Td>
              <Td>
                <Typography>{e.pValue === null ? '—' : pValueOf(e.pValue)}</Typography>
              </Td>
              <Td>
                {e.significant ? (
                  <StateBadge state={t('experiments.effects.isSignificant', 'significant')} variant="secondary" />
                ) : (
                  <Typography textColor="neutral600">{t('experiments.effects.notSignificant', 'no')}</Typography>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};
