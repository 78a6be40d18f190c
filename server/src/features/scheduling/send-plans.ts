import type { CampaignSchedule } from '../../../../shared/contracts/schedule';
import type { RuleGroup } from '../audience/segments/rules';
import { needsPlan, openWavePlan, planWaves, type WavePlanState, type ZoneCount } from './wave-plan';

export interface SendPlansDeps {
  /** The campaign's schedule and topic as they are now (the campaigns table). */
  scheduleOf(campaignId: number): Promise<{ schedule: CampaignSchedule | null; topicId: number | null }>;
  /** The frozen audience counted by zone, without what the topic's suppressions block. */
  zoneCounts(rules: RuleGroup, topicId: number | null): Promise<ZoneCount[]>;
}

/**
 * Plans of scheduled sends: made when the send starts (the audience counted by zone, once, so
 * each wave knows its size) and opened by the dispatch, which keeps them with its cursor.
 */
export const createSendPlans = ({ scheduleOf, zoneCounts }: SendPlansDeps) => ({
  /** The plan a send of this campaign starts with: null when every message goes at once. */
  async planFor(campaignId: number, rules: RuleGroup): Promise<WavePlanState | null> {
    const { schedule, topicId } = await scheduleOf(campaignId);
    return needsPlan(schedule) ? planWaves(schedule, await zoneCounts(rules, topicId)) : null;
  },
  open: (saved: unknown) => openWavePlan(saved as WavePlanState),
});

export type SendPlans = ReturnType<typeof createSendPlans>;
