import type { CampaignLifecycle } from '../campaigns/lifecycle';
import type { SendEngine } from './engine';
import type { SendRecords } from './send-records';

export interface WaveSendDeps {
  records: Pick<SendRecords, 'startWave' | 'find'>;
  lifecycle: Pick<CampaignLifecycle, 'stateOf'>;
  engine: Pick<SendEngine, 'startDispatch'>;
  now?: () => number;
}

/**
 * A bandit's next wave (issue 19), once features/experiments stored its shares: the dispatch pages
 * the frozen audience again and mails the contacts of the waves started so far who have no
 * delivery yet (the wave's own, and anyone who joined the segment since theirs went), with the
 * same eligibility checks as any dispatch; the unique (campaign, contact) keeps everyone to one message.
 */
export const createWaveSend = ({ records, lifecycle, engine, now = Date.now }: WaveSendDeps) => ({
  /**
   * Starts wave `wave`'s dispatch, once: `{ started: false }` when the previous wave's dispatch is
   * not done, this wave already started, a winner's rest took over or the send is over. A paused
   * campaign takes its wave with its resume (the dispatch waits for `sending`); a campaign that is
   * neither sending nor paused gets no more waves.
   */
  async startWave(campaignId: number, wave: number): Promise<{ started: boolean }> {
    const state = await lifecycle.stateOf(campaignId);
    if (state !== 'sending' && state !== 'paused') return { started: false };
    if (!(await records.startWave(campaignId, wave, now()))) return { started: false };
    await engine.startDispatch(campaignId, (await records.find(campaignId))!.run);
    return { started: true };
  },
});

export type WaveSend = ReturnType<typeof createWaveSend>;
