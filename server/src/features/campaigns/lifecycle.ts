import type { Knex } from 'knex';
import { campaignLifecycle, type CampaignAction, type CampaignState } from '../../../../shared/contracts/campaign-lifecycle';
import type { CampaignPauseReason } from '../../../../shared/contracts/campaigns';
import { lifecycleMoves, stateColumn, type NamedRow, type StateStore } from '../../db/lifecycle-moves';
import type { PauseReasons } from './pause-reasons';

/** Told of each move this process made, once it committed; `reason` is a halt's or a miss's. */
export type CampaignMoved = (campaignId: number, action: CampaignAction, reason: CampaignPauseReason | null) => void;

const pausesWithReason = (action: CampaignAction) => action === 'halt' || action === 'miss';

/**
 * Every change of a campaign's state on the server goes through here: the send service's send,
 * pause, resume and cancel, the scheduler's schedule, unschedule, start and miss, the engine's
 * complete, fail and halt. Each is the conditional move
 * shared/contracts/campaign-lifecycle declares for the action; `moved` hears each one made (the
 * `campaigns.campaign.*` events: site-events/campaign-events.ts), with the reason of a system's
 * pause as the move wrote it (an editor's resume may clear the column before anyone reads it).
 */
export const createCampaignLifecycle = (
  store: StateStore<CampaignState>,
  reasons: PauseReasons,
  moved: CampaignMoved = () => undefined
) => {
  const moves = lifecycleMoves<CampaignState, CampaignAction>(campaignLifecycle, store, (id, action) => {
    if (!pausesWithReason(action)) moved(id, action, null);
  });
  const pauseWith = async (campaignId: number, action: 'halt' | 'miss', reason: CampaignPauseReason) => {
    const did = await moves.take(campaignId, action, (trx) => reasons.record(trx, campaignId, reason));
    if (did) moved(campaignId, action, reason);
    return did;
  };
  return {
    ...moves,
    /** The system stops a sending campaign (the rate guard, a template that no longer renders), and says why on its page. */
    halt: (campaignId: number, reason: CampaignPauseReason) => pauseWith(campaignId, 'halt', reason),
    /** Its schedule's job found its time passed, or the campaign not ready: paused, and why, for an editor to decide. */
    miss: (campaignId: number, reason: CampaignPauseReason) => pauseWith(campaignId, 'miss', reason),
    /** An editor's resume: the reason of the pause it ends goes with it, and `alongside` (a first start's frozen audience) with both. */
    resume: (row: NamedRow<CampaignState>, alongside?: (trx: Knex.Transaction) => Promise<void>) =>
      moves.takeOrRefuse(row, 'resume', async (trx) => {
        await reasons.clear(trx, row.id);
        await alongside?.(trx);
      }),
  };
};

/** The campaigns table's own `state` column (the content type's enum). */
export const campaignStates = (knex: Knex, campaignsTable: string) => stateColumn<CampaignState>(knex, campaignsTable);

export type CampaignLifecycle = ReturnType<typeof createCampaignLifecycle>;
