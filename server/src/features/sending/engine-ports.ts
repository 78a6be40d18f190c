import type { AudienceContact } from '../../../../shared/contracts/segments';
import type { SmtpBounce } from '../../events/smtp-bounce';
import type { Transport } from '../../mail/transport';
import type { RuleGroup } from '../audience/segments/rules';
import type { CampaignRow } from './prepared-campaign';
import type { AssignVariant, AssignWave, SendExperiment } from './variants';

/*
 * What the send engine (engine.ts) is given: small interfaces the composition root fills in, so
 * the engine knows nothing of Strapi, the segments' SQL or the scheduling maths.
 */

/** The campaigns the engine reads: one by id, and those a state holds (the sweep). */
export interface CampaignSource {
  load(campaignId: number): Promise<CampaignRow | null>;
  idsInState(state: 'sending'): Promise<number[]>;
}

/** A keyset page of the contacts frozen rules select (the segments' compiled query). */
export interface AudiencePages {
  /** `topicId`: the campaign's topic, whose topic-scoped suppressions leave the page as global ones do. */
  page(rules: RuleGroup, page: { after: number; limit: number; topicId: number | null }): Promise<AudienceContact[]>;
}

/** A send's plan, opened where its dispatch resumes: when each contact of the next pages is due, and the state to save with the cursor. */
export interface DuePlan {
  place(contacts: readonly AudienceContact[]): number[];
  state(): unknown;
}

/** Opens the plans send records keep (scheduling's wave plans); the engine only carries them. */
export interface DuePlans {
  open(saved: unknown): DuePlan;
}

/** Where a refusal the SMTP server gave becomes a bounce event (and, when hard, a suppressed contact). */
export interface BounceRecorder {
  recordSmtpBounce(deliveryId: number, bounce: SmtpBounce): Promise<void>;
}

/** The transport, made on first use (a custom one may be slow to build) and kept for the process. */
export interface TransportSource {
  get(): Transport;
  /** Whether the server takes 8-bit bodies; false when it cannot be asked. */
  eightBitMime(): Promise<boolean>;
}

/** The campaign's A/B test, as features/experiments keeps it, and how its contacts are assigned. */
export interface ExperimentSource {
  /** Null for a campaign without one. */
  forSend(campaignId: number): Promise<SendExperiment | null>;
  assignVariant: AssignVariant;
  assignWave: AssignWave;
}
