import type { Variant } from '../../../../shared/contracts/experiments';
import type { CampaignCache, CampaignRow } from './prepared-campaign';

/** A campaign's A/B test as its send reads it (features/experiments: experimentForSend). */
export interface SendExperiment {
  id: number;
  documentId: string;
  state: 'draft' | 'testing' | 'decided' | 'cancelled';
  variants: Variant[];
  testShare: number;
  winner: string | null;
}

/** Where a contact goes in a dispatch page: its variant and instant, or nowhere yet (outside the test group, waiting for the winner). */
export type Placement = { variant: string; dueAt: number | null } | null;

/** Decides a contact's test group and variant from a keyed hash (features/experiments/stats: assignVariant). */
export type AssignVariant = (input: { secret: string; experimentId: string; contactId: number; variants: string[]; testShare: number }) => {
  inTest: boolean;
  variant: string | null;
};

/**
 * What a dispatch does with the audience: `plain`, everyone with the campaign's message (no
 * experiment, or one still a draft or cancelled before its send started); `test`, the test group
 * each with its variant and nobody else; `rest`, everyone still without a delivery with the winner.
 * A test goes on until its send record names the winner, even once decided: the rest waits for sendWinner.
 */
export type DispatchMode = { kind: 'plain' } | { kind: 'test'; experiment: SendExperiment } | { kind: 'rest'; variant: Variant };

export const dispatchModeOf = (experiment: SendExperiment | null, winner: string | null): DispatchMode => {
  if (experiment && winner !== null) {
    const variant = experiment.variants.find((v) => v.key === winner);
    if (variant) return { kind: 'rest', variant };
  }
  if (experiment && (experiment.state === 'testing' || experiment.state === 'decided')) return { kind: 'test', experiment };
  return { kind: 'plain' };
};

/**
 * Whether the campaign must stay `sending` once everything dispatched went out: its test group is
 * done but the rest of its audience waits for the winner. A test of the whole audience (testShare
 * 100) has no rest, and a cancelled experiment sends no more.
 */
export const awaitsWinner = (experiment: SendExperiment | null, winner: string | null) =>
  winner === null &&
  experiment !== null &&
  experiment.testShare < 100 &&
  (experiment.state === 'testing' || experiment.state === 'decided');

/** A send-time variant's instant (epoch ms); null when it has none or it cannot be read. */
const sendAtOf = (variant: Variant): number | null => {
  if (!variant.sendAt) return null;
  const at = Date.parse(variant.sendAt);
  return Number.isNaN(at) ? null : at;
};

/**
 * Each contact of a dispatch page placed by the mode: `planned` is the instant the send's plan gives
 * each contact (null: at once). Contacts stay in dispatch (contact id) order whatever their variant,
 * and the hash makes each variant a uniform sample of that order, so every variant goes out at the
 * same pace: none waits behind another. Only a send-time variant's own instant moves its contacts.
 */
export const placeContacts = (
  mode: DispatchMode,
  contacts: ReadonlyArray<{ id: number }>,
  planned: readonly number[] | null,
  assign: { secret: string; assignVariant: AssignVariant }
): Placement[] => {
  const plannedAt = (i: number) => (planned ? planned[i] : null);
  if (mode.kind === 'plain') return contacts.map((_, i) => ({ variant: '', dueAt: plannedAt(i) }));
  if (mode.kind === 'rest') {
    const at = sendAtOf(mode.variant);
    return contacts.map((_, i) => ({ variant: mode.variant.key, dueAt: at ?? plannedAt(i) }));
  }
  const { experiment } = mode;
  const byKey = new Map(experiment.variants.map((v) => [v.key, v]));
  const keys = experiment.variants.map((v) => v.key);
  return contacts.map((contact, i) => {
    const { inTest, variant } = assign.assignVariant({
      secret: assign.secret,
      experimentId: experiment.documentId,
      contactId: contact.id,
      variants: keys,
      testShare: experiment.testShare,
    });
    if (!inTest || variant === null) return null;
    return { variant, dueAt: sendAtOf(byKey.get(variant)!) ?? plannedAt(i) };
  });
};

/**
 * The campaign as a variant's recipients get it: each field the variant names replaces the
 * campaign's. A variant with content of its own has its text part made from that content, never
 * the campaign's hand-written text (which describes the campaign's content).
 */
export const variantRow = (row: CampaignRow, variant: Variant | undefined): CampaignRow => {
  if (!variant) return row;
  return {
    ...row,
    ...(variant.subject !== undefined ? { subject: variant.subject } : {}),
    ...(variant.preheader !== undefined ? { preheader: variant.preheader } : {}),
    ...(variant.fromName !== undefined ? { fromName: variant.fromName } : {}),
    ...(variant.content !== undefined ? { content: variant.content, plainText: null } : {}),
  };
};

/**
 * The message of one variant (by key) of the campaign, compiled through the cache. A key the
 * experiment no longer lists (it was deleted since) keeps the campaign's own fields, still
 * counted under its key.
 */
export const prepareVariant = (cache: CampaignCache, row: CampaignRow, key: string, experiment: SendExperiment | null) =>
  cache.get(variantRow(row, key ? experiment?.variants.find((v) => v.key === key) : undefined), key);
