import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import {
  CAMPAIGN_TRANSITIONS,
  canTake,
  refusalOf,
  type CampaignAction,
  type CampaignState,
} from '../../../../shared/contracts/campaign-lifecycle';

/** What the lifecycle needs of wherever campaign states are kept: one conditional move, one read. */
export interface CampaignStateStore {
  /**
   * Moves the campaign to `to` when it is in one of `from`, and answers whether this call moved it.
   * `alongside` runs in the same transaction when it did (a send freezes its audience with the move).
   */
  move(
    campaignId: number,
    from: readonly CampaignState[],
    to: CampaignState,
    alongside?: (trx: Knex.Transaction) => Promise<void>
  ): Promise<boolean>;
  stateOf(campaignId: number): Promise<CampaignState | null>;
}

/** The campaign an editor's action names: enough to say why it was refused. */
export interface NamedCampaign {
  id: number;
  name: string;
  state: CampaignState;
}

/**
 * Every change of a campaign's state on the server goes through here, as the move that
 * shared/contracts/campaign-lifecycle declares for the action: a conditional update from the
 * action's `from` states, so of two racing moves (a pause and the last delivery, two workers
 * finishing) exactly one wins.
 */
export const createCampaignLifecycle = (store: CampaignStateStore) => {
  const take = (campaignId: number, action: CampaignAction, alongside?: (trx: Knex.Transaction) => Promise<void>) => {
    const { from, to } = CAMPAIGN_TRANSITIONS[action];
    return store.move(campaignId, from, to, alongside);
  };

  const refusal = (campaign: NamedCampaign, state: CampaignState, action: CampaignAction) =>
    new errors.ValidationError(refusalOf(campaign.name, state, action));

  return {
    take,
    stateOf: (campaignId: number) => store.stateOf(campaignId),

    /** A 400 before any work when the campaign, as read, is in no state the action leaves. */
    assertCanTake(campaign: NamedCampaign, action: CampaignAction) {
      if (!canTake(campaign.state, action)) throw refusal(campaign, campaign.state, action);
    },

    /**
     * An editor's action: taken, or a 400 that names the state the campaign is in now (another
     * editor or the send pipeline may have moved it since it was read).
     */
    async takeOrRefuse(campaign: NamedCampaign, action: CampaignAction, alongside?: (trx: Knex.Transaction) => Promise<void>) {
      if (await take(campaign.id, action, alongside)) return;
      throw refusal(campaign, (await store.stateOf(campaign.id)) ?? campaign.state, action);
    },
  };
};

export type CampaignLifecycle = ReturnType<typeof createCampaignLifecycle>;
