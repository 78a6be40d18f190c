import type { PluginConfig } from '../../config/schema';
import type { BounceType } from './classifier/classification';
import type { NoticeAction, NoticeKind } from './notice';

export type InboundPolicy = PluginConfig['inbound']['policy'];

const DAY_MS = 86_400_000;

/**
 * A bounce that is not known to be hard counts towards the soft limit: an undetermined one may be
 * a full mailbox as well as a dead one, and only repetition on several campaigns says which.
 */
export const isSoft = (bounceType: BounceType | null) => bounceType !== 'hard';

/** What the policy makes of one matched recipient of a notice. */
export interface PolicyInput {
  kind: NoticeKind;
  bounceType: BounceType | null;
  /** For a soft bounce: whether it is the one that brings the address to `count` distinct campaigns within the window (soft-limit.ts). */
  reachesSoftLimit: boolean;
}

export const actionOf = (policy: InboundPolicy, { kind, bounceType, reachesSoftLimit }: PolicyInput): NoticeAction => {
  switch (kind) {
    case 'bounce':
      if (!isSoft(bounceType)) return policy.hardBounce === 'suppress' ? 'suppressed' : 'ignored';
      if (policy.softBounce.action === 'ignore') return 'ignored';
      return reachesSoftLimit ? 'suppressed' : 'soft-counted';
    case 'complaint':
      return policy.complaint === 'suppress' ? 'complained' : 'ignored';
    case 'unsubscribe-request':
      return policy.unsubscribeRequest === 'unsubscribe' ? 'unsubscribed' : 'ignored';
    case 'delivered':
    case 'open':
    case 'reply':
    case 'auto-reply':
      return 'recorded';
    case 'unknown':
      return 'ignored';
  }
};

/** Since when soft bounces count for one that happened at `at`. */
export const softWindowStart = (policy: InboundPolicy, at: number) => at - policy.softBounce.windowDays * DAY_MS;

/**
 * When a soft-bounce-limit suppression made for a bounce at `at` ends; null: never (an admin lifts
 * it). Counted from the bounce, not from the moment it is applied, so a retried run writes the
 * same suppression.
 */
export const softSuppressionExpiry = (policy: InboundPolicy, at: number): Date | null =>
  policy.softBounce.suppressDays === 0 ? null : new Date(at + policy.softBounce.suppressDays * DAY_MS);
