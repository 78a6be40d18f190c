import type { Core } from '@strapi/strapi';
import type { CampaignLifecycle } from '../features/campaigns/lifecycle';
import { createDecisionRunner, type DecisionRunner } from '../features/experiments/decision-runner';
import type { DeliveryStore } from '../features/sending/delivery-store';
import type { SendEngine } from '../features/sending/engine';
import type { ExperimentSource } from '../features/sending/engine-ports';
import type { SendRecords } from '../features/sending/send-records';
import { createWaveSend } from '../features/sending/send-wave';
import { createWinnerSend, type WinnerSend } from '../features/sending/send-winner';

export interface ExperimentFlowDeps {
  strapi: Core.Strapi;
  store: Pick<DeliveryStore, 'hasPending'>;
  records: SendRecords;
  lifecycle: CampaignLifecycle;
  engine: SendEngine;
  experiments: ExperimentSource;
}

/** What the root keeps of it (Running). */
export interface ExperimentFlow {
  /** An A/B test's winner to the rest of its audience (`sendWinner`), once its experiment is decided. */
  winnerSend: WinnerSend;
  /** Tests of cancelled campaigns ended, bandits' waves, A/B tests' waits and the rule's decisions, the winners sent (every minute). */
  decisions: DecisionRunner;
}

/**
 * The automatic half of A/B tests and bandits, on the send flow (send-flow.ts): a decided winner's
 * send to the rest of the audience, a bandit's next wave, and the decision runner the experiments'
 * maintenance job runs every minute, which starts both. Part of the composition root (root.ts).
 */
export const buildExperimentFlow = ({ strapi, store, records, lifecycle, engine, experiments }: ExperimentFlowDeps): ExperimentFlow => {
  const winnerSend = createWinnerSend({ experiments, records, lifecycle, engine });
  // A bandit's next wave goes out through the same dispatch as any send (features/sending/send-wave.ts).
  const waveSend = createWaveSend({ records, lifecycle, engine });
  const decisions = createDecisionRunner({
    strapi,
    winnerSend,
    waveSend,
    hasPending: (campaignId) => store.hasPending(campaignId),
    log: strapi.log,
  });
  return { winnerSend, decisions };
};
