import { errors } from '@strapi/utils';
import type { CampaignLifecycle } from '../campaigns/lifecycle';
import type { SendEngine } from './engine';
import type { ExperimentSource } from './engine-ports';
import type { SendRecords } from './send-records';

export interface WinnerSendDeps {
  experiments: Pick<ExperimentSource, 'forSend'>;
  records: SendRecords;
  lifecycle: Pick<CampaignLifecycle, 'stateOf'>;
  engine: Pick<SendEngine, 'startDispatch'>;
  now?: () => number;
}

/**
 * The second half of an A/B test's send: once its experiment is decided, the winner goes to every
 * contact of the audience without a delivery yet (the rest, and anyone who joined the segment
 * since), through the normal dispatch: the same frozen rules, suppressions and states checked the
 * same way, the unique (campaign, contact) keeping each of the test group to its one message.
 */
export const createWinnerSend = ({ experiments, records, lifecycle, engine, now = Date.now }: WinnerSendDeps) => ({
  /**
   * Starts the rest's dispatch with `variantKey`, the experiment's decided winner. Answers
   * `{ started: false }` when there is nothing to start: a test of the whole audience (testShare
   * 100) has no rest, a bandit whose send is over has none left, and a rest already started with
   * this winner is not started twice. A bandit's rest is its waves not sent yet (and anyone
   * who joined the segment since). Anything else that cannot be done is a 400 saying why.
   */
  async sendWinner(campaignId: number, variantKey: string): Promise<{ started: boolean }> {
    const experiment = await experiments.forSend(campaignId);
    if (!experiment) throw new errors.ValidationError(`Campaign ${campaignId} has no A/B test: there is no winner to send`);
    const keys = experiment.variants.map((v) => v.key);
    if (!keys.includes(variantKey)) {
      throw new errors.ValidationError(`"${variantKey}" is not a variant of campaign ${campaignId}'s A/B test (${keys.join(', ')})`);
    }
    if (experiment.state !== 'decided' || experiment.winner !== variantKey) {
      const decided = experiment.state === 'decided' ? ` for ${experiment.winner}` : '';
      throw new errors.ValidationError(
        `Campaign ${campaignId}'s A/B test is ${experiment.state}${decided}: only its decided winner goes to the rest of the audience`
      );
    }
    const bandit = experiment.design === 'bandit';
    if (!bandit && experiment.testShare >= 100) return { started: false };
    const record = await records.find(campaignId);
    if (!record) throw new errors.ValidationError(`Campaign ${campaignId} was never sent: its test group goes out first`);
    if (bandit && record.finishedAt !== null) return { started: false };
    if (record.winner !== null) {
      if (record.winner === variantKey) return { started: false };
      throw new errors.ValidationError(`Campaign ${campaignId} already sends ${record.winner} to the rest of its audience`);
    }
    const state = await lifecycle.stateOf(campaignId);
    // A paused campaign takes its rest with its resume (the dispatch waits for `sending`).
    if (state !== 'sending' && state !== 'paused') {
      throw new errors.ValidationError(`Campaign ${campaignId} is ${state}: the rest of its audience can no longer be sent to`);
    }
    if (!(await records.startRest(campaignId, variantKey, now()))) return sendWinnerAgain(await records.find(campaignId), variantKey);
    await engine.startDispatch(campaignId, (await records.find(campaignId))!.run);
    return { started: true };
  },
});

/** Another call set the winner between the read and the write: the same one is done, another is a 400. */
const sendWinnerAgain = (record: Awaited<ReturnType<SendRecords['find']>>, variantKey: string) => {
  if (record?.winner === variantKey) return { started: false };
  throw new errors.ValidationError(`The rest of the audience already gets ${record?.winner ?? 'nothing'}: the send has ended or changed`);
};

export type WinnerSend = ReturnType<typeof createWinnerSend>;
