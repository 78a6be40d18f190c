import { useState } from 'react';
import { Box, Button, Dialog, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ConfirmDialog, useNotification, useRBAC } from '@strapi/strapi/admin';
import type { Experiment, ExperimentDecision, VariantFigures } from '../../../../shared/contracts/experiments';
import { errorMessage } from '../../api/errors';
import { useCancelExperimentMutation, useGetExperimentQuery, usePickExperimentWinnerMutation } from '../../api/experiments';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { TableHead } from '../list/TableHead';
import { StateBadge } from '../StateBadge';
import { ResultsHeading } from '../results/ResultsHeading';
import { actionMessage, percent, points, reallocationMessage, reasonMessage, ruleFiguresOf } from './decision-words';
import { MainEffectsTable } from './MainEffectsTable';
import { ExperimentChart } from './ExperimentChart';
import { WaveSharesTable } from './WaveSharesTable';
import { useVariantName } from './variant-name';

const GUARDRAILS = ['unsubscribe', 'complaint'] as const;

const VariantTile = ({ figures, name, metric }: { figures: VariantFigures; name: string; metric: Experiment['metric'] }) => {
  const t = usePluginMessages();
  const label = t('experiments.results.tile', 'Variant {key}: {name}', { key: figures.key, name });
  return (
    <Box role="group" aria-label={label} background="neutral100" padding={4} hasRadius minWidth="14rem">
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="sigma" textColor="neutral600" tag="p">
          {label}
        </Typography>
        <Typography variant="alpha" tag="p">
          {t('experiments.results.rate', '{rate, number}%', { rate: points(figures.rate) })}
        </Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('experiments.results.interval', '95% interval {low, number}% to {high, number}%', {
            low: points(figures.interval[0]),
            high: points(figures.interval[1]),
          })}
        </Typography>
        <Typography tag="p">
          {metric === 'click-to-open'
            ? t('experiments.results.openers', '{successes, number} of {trials, number} openers', {
                successes: figures.successes,
                trials: figures.trials,
              })
            : t('experiments.results.sent', '{successes, number} of {trials, number} sent', {
                successes: figures.successes,
                trials: figures.trials,
              })}
        </Typography>
        {figures.probabilityBest !== null && (
          <Typography tag="p">
            {t('experiments.results.probabilityBest', '{probability, number}% probability of being best', {
              probability: percent(figures.probabilityBest),
            })}
          </Typography>
        )}
        {GUARDRAILS.map((guardrail) => {
          const g = figures.guardrails[guardrail];
          return (
            <Flex key={guardrail} gap={2}>
              <Typography variant="pi" tag="p">
                {guardrail === 'unsubscribe'
                  ? t('experiments.results.unsubscribeRate', 'Unsubscribes {rate, number}%', { rate: points(g.rate) })
                  : t('experiments.results.complaintRate', 'Complaints {rate, number}%', { rate: points(g.rate) })}
              </Typography>
              {g.breached && <StateBadge state={t('experiments.results.breached', 'worse than the control')} variant="danger" />}
            </Flex>
          );
        })}
      </Flex>
    </Box>
  );
};

/** A logged decision's reason: the rule's in the admin's language, an editor's as they wrote it. */
const useReasonWords = () => {
  const t = usePluginMessages();
  return (decision: ExperimentDecision) => {
    const figures = ruleFiguresOf(decision.figures);
    if (['decide', 'wait', 'conclude'].includes(decision.action) && figures) return t(reasonMessage(figures.reason));
    if (decision.action === 'reallocate') return t(reallocationMessage(decision.figures));
    return decision.reason ?? '—';
  };
};

const ExperimentResultsOf = ({ documentId, experiment }: { documentId: string; experiment: Experiment }) => {
  const t = usePluginMessages();
  const reasonWords = useReasonWords();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canSend },
  } = useRBAC(PERMISSIONS.send);
  const [pickWinner] = usePickExperimentWinnerMutation();
  const [cancelExperiment] = useCancelExperimentMutation();
  const [picking, setPicking] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const figures = ruleFiguresOf(experiment.decision);
  const variantName = useVariantName();
  const nameOf = (key: string) => {
    const variant = experiment.variants.find((v) => v.key === key);
    return variant ? variantName(variant) : key;
  };
  const latest = experiment.decisions[0];
  const canPick = canSend && experiment.editorActions.includes('pickWinner');
  const canCancel = canSend && experiment.editorActions.includes('cancel') && experiment.state === 'testing';

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      toggleNotification({ type: 'success', message: done });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };
  const pick = async () => {
    const variant = picking;
    setPicking(null);
    if (variant)
      await act(
        () => pickWinner({ documentId, variant }).unwrap(),
        t('experiments.results.picked', '{key} is the winner', { key: variant })
      );
  };
  const cancel = async () => {
    setCancelling(false);
    await act(() => cancelExperiment(documentId).unwrap(), t('experiments.results.cancelled', 'A/B test cancelled'));
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} tag="section" aria-label={t('experiments.results.title', 'A/B test')}>
      <ResultsHeading title={t('experiments.results.title', 'A/B test')}>
        <Flex gap={2}>
          <StateBadge state={t(`experiments.state.${experiment.state}`, experiment.state)} variant="secondary" />
          {canCancel && (
            <Button variant="danger-light" onClick={() => setCancelling(true)}>
              {t('experiments.results.cancel', 'Cancel test')}
            </Button>
          )}
        </Flex>
      </ResultsHeading>
      {experiment.winner && (
        <Typography>
          {t('experiments.results.winner', 'Winner: {key} ({name})', { key: experiment.winner, name: nameOf(experiment.winner) })}
        </Typography>
      )}
      {latest && (
        <Box background="neutral100" padding={4} hasRadius role="status" aria-label={t('experiments.results.latest', 'Latest decision')}>
          <Typography variant="sigma" textColor="neutral600" tag="p">
            {t('experiments.results.latest', 'Latest decision')}
          </Typography>
          <Typography tag="p">{t(actionMessage(latest.action, latest.winner))}</Typography>
          <Typography tag="p">{reasonWords(latest)}</Typography>
        </Box>
      )}
      {figures ? (
        <Flex gap={4} wrap="wrap" alignItems="stretch">
          {figures.variants.map((variant) => (
            <Flex key={variant.key} direction="column" alignItems="stretch" gap={2}>
              <VariantTile figures={variant} name={nameOf(variant.key)} metric={experiment.metric} />
              {canPick && (
                <Button variant="secondary" onClick={() => setPicking(variant.key)}>
                  {t('experiments.results.pick', 'Pick {key} as winner', { key: variant.key })}
                </Button>
              )}
            </Flex>
          ))}
        </Flex>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography textColor="neutral600">
            {t('experiments.results.noFigures', 'No figures yet: the rule decides when the wait ends.')}
          </Typography>
          {canPick && (
            <Flex gap={2} wrap="wrap">
              {experiment.variants.map((variant) => (
                <Button key={variant.key} variant="secondary" onClick={() => setPicking(variant.key)}>
                  {t('experiments.results.pick', 'Pick {key} as winner', { key: variant.key })}
                </Button>
              ))}
            </Flex>
          )}
        </Flex>
      )}
      <ExperimentChart documentId={documentId} experiment={experiment} />
      {experiment.mainEffects && <MainEffectsTable effects={experiment.mainEffects} metric={experiment.metric} />}
      {experiment.waveShares.length > 0 && <WaveSharesTable experiment={experiment} />}
      {experiment.decisions.length > 0 && (
        <Table colCount={4} rowCount={experiment.decisions.length + 1} aria-label={t('experiments.results.log', 'Decisions')}>
          <TableHead
            columns={[
              t('experiments.results.log.when', 'When'),
              t('experiments.results.log.who', 'Who'),
              t('experiments.results.log.what', 'What'),
              t('experiments.results.log.why', 'Why'),
            ]}
          />
          <Tbody>
            {experiment.decisions.map((decision) => (
              <Tr key={decision.id}>
                <Td>
                  <Typography>{formatDate(decision.at)}</Typography>
                </Td>
                <Td>
                  <Typography>{decision.by ?? t('experiments.results.log.rule', 'The decision rule')}</Typography>
                </Td>
                <Td>
                  <Typography>{t(actionMessage(decision.action, decision.winner))}</Typography>
                </Td>
                <Td>
                  <Typography>{reasonWords(decision)}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <Dialog.Root open={picking !== null} onOpenChange={(open: boolean) => !open && setPicking(null)}>
        <ConfirmDialog title={t('experiments.results.pick.title', 'Pick the winner')} onConfirm={pick}>
          {t(
            'experiments.results.pick.warning',
            'Pick {key} ({name}) as the winner? The rest of the audience gets it, and the test ends.',
            {
              key: picking ?? '',
              name: picking ? nameOf(picking) : '',
            }
          )}
        </ConfirmDialog>
      </Dialog.Root>
      <Dialog.Root open={cancelling} onOpenChange={(open: boolean) => !open && setCancelling(false)}>
        <ConfirmDialog title={t('experiments.results.cancel', 'Cancel test')} onConfirm={cancel}>
          {t('experiments.results.cancel.warning', 'Cancel this A/B test? No winner is sent to the rest of the audience.')}
        </ConfirmDialog>
      </Dialog.Root>
    </Flex>
  );
};

/** The campaign's A/B test in its results, when it has one: per-variant figures, the decision in words, its log, and the editor's moves. */
export const ExperimentResults = ({ documentId, live }: { documentId: string; live: boolean }) => {
  // While the campaign sends, the rule may decide at any moment.
  const experiment = useGetExperimentQuery(documentId, { pollingInterval: live ? 5000 : 0 });
  if (experiment.isError)
    return (
      <Typography textColor="danger600" role="alert">
        {errorMessage(experiment.error)}
      </Typography>
    );
  return experiment.data ? <ExperimentResultsOf documentId={documentId} experiment={experiment.data} /> : null;
};
