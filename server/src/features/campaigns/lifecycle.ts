import type { Knex } from 'knex';
import { campaignLifecycle, type CampaignAction, type CampaignState } from '../../../../shared/contracts/campaign-lifecycle';
import { lifecycleMoves, stateColumn, type StateStore } from '../../db/lifecycle-moves';

/**
 * Every change of a campaign's state on the server goes through here: the send service's send,
 * pause, resume and cancel, the engine's complete and halt. Each is the conditional move
 * shared/contracts/campaign-lifecycle declares for the action.
 */
export const createCampaignLifecycle = (store: StateStore<CampaignState>) =>
  lifecycleMoves<CampaignState, CampaignAction>(campaignLifecycle, store);

/** The campaigns table's own `state` column (the content type's enum). */
export const campaignStates = (knex: Knex, campaignsTable: string) => stateColumn<CampaignState>(knex, campaignsTable);

export type CampaignLifecycle = ReturnType<typeof createCampaignLifecycle>;
