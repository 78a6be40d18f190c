import type { ExperimentDesign, Variant } from '../../../../shared/contracts/experiments';
import type { CampaignCache, CampaignRow } from './prepared-campaign';

/** A campaign's A/B test as its send reads it (features/experiments: experimentForSend). */
export interface SendExperiment {
  id: number;
  documentId: string;
  state: 'draft' | 'testing' | 'decided' | 'cancelled';
  variants: Variant[];
  testShare: number;
  winner: string | null;
  design: ExperimentDesign;
  /** A bandit's number of waves (the audience split between them by a keyed hash). */
  waves: number;
  /** A bandit's stored waves' traffic shares, wave 1 first (empty for the other designs): read, never recomputed. */
  waveShares: Array<Record<string, number>>;
}

/** Where a contact goes in a dispatch page: its variant and instant, or nowhere yet (outside the test group, waiting for the winner). */
export type Placement = { variant: string; dueAt: number | null } | null;

/** Decides a contact's test group and variant from a keyed hash (features/experiments/stats: assignVariant). */
export type AssignVariant = (input: {
  secret: string;
  experimentId: string;
  contactId: number;
  variants: string[];
  testShare: number;
  weights?: readonly number[];
}) => {
  inTest: boolean;
  variant: string | null;
};

/** A bandit contact's wave, 1 to `waves`, from a keyed hash of its own (features/experiments/stats: assignWave). */
export type AssignWave = (input: { secret: string; experimentId: string; contactId: number; waves: number }) => number;

/**
 * What a dispatch does with the audience: `plain`, everyone with the campaign's message (no
 * experiment, or one still a draft or cancelled before its send started); `test`, the test group
 * each with its variant and nobody else; `rest`, everyone still without a delivery with the winner;
 * `waves`, a bandit's contacts of the waves started so far (`shares`, wave 1 first, up to the send
 * record's wave), each with a variant drawn by its own wave's shares; the later waves' contacts
 * wait for theirs. A test goes on until its send record names the winner, even once decided (or a
 * bandit cancelled: its waves that went stay what they were): the rest waits for sendWinner.
 */
export type DispatchMode =
  | { kind: 'plain' }
  | { kind: 'test'; experiment: SendExperiment }
  | { kind: 'waves'; experiment: SendExperiment; shares: Array<Record<string, number>> }
  | { kind: 'rest'; variant: Variant };

/** `wave`: the send record's, the last wave its dispatch is for. */
export const dispatchModeOf = (experiment: SendExperiment | null, winner: string | null, wave = 1): DispatchMode => {
  if (experiment && winner !== null) {
    const variant = experiment.variants.find((v) => v.key === winner);
    if (variant) return { kind: 'rest', variant };
  }
  if (experiment?.design === 'bandit' && experiment.state !== 'draft') {
    return { kind: 'waves', experiment, shares: experiment.waveShares.slice(0, wave) };
  }
  if (experiment && (experiment.state === 'testing' || experiment.state === 'decided')) return { kind: 'test', experiment };
  return { kind: 'plain' };
};

/**
 * Whether the campaign must stay `sending` once everything dispatched went out: its test group is
 * done but the rest of its audience waits for the winner. A test of the whole audience (testShare
 * 100) has no rest, and a cancelled experiment sends no more. A testing bandit waits for its next
 * wave until its last (`wave`, the send record's) has gone; decided or cancelled, it sends no more
 * waves (a picked winner's rest has set `winner`).
 */
export const awaitsWinner = (experiment: SendExperiment | null, winner: string | null, wave = 1) => {
  if (winner !== null || experiment === null) return false;
  if (experiment.design === 'bandit') return experiment.state === 'testing' && wave < experiment.waves;
  return experiment.testShare < 100 && (experiment.state === 'testing' || experiment.state === 'decided');
};

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
  assign: { secret: string; assignVariant: AssignVariant; assignWave: AssignWave }
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
  if (mode.kind === 'waves') return placeInWaves(mode, contacts, plannedAt, { ...assign, keys, byKey });
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
 * A bandit's page: each contact in its hash wave; one of a wave started (a contact who joined the
 * segment since its wave went goes with the current one) gets the variant its wave's stored shares
 * draw from its own variant hash, so a retry places it the same; the later waves' contacts wait.
 */
const placeInWaves = (
  mode: Extract<DispatchMode, { kind: 'waves' }>,
  contacts: ReadonlyArray<{ id: number }>,
  plannedAt: (i: number) => number | null,
  assign: { secret: string; assignVariant: AssignVariant; assignWave: AssignWave; keys: string[]; byKey: Map<string, Variant> }
): Placement[] => {
  const { experiment, shares } = mode;
  const weightsOf = shares.map((share) => assign.keys.map((key) => share[key] ?? 0));
  return contacts.map((contact, i) => {
    const at = { secret: assign.secret, experimentId: experiment.documentId, contactId: contact.id };
    const wave = assign.assignWave({ ...at, waves: experiment.waves });
    if (wave > weightsOf.length) return null;
    const { variant } = assign.assignVariant({ ...at, variants: assign.keys, testShare: 100, weights: weightsOf[wave - 1] });
    return variant === null ? null : { variant, dueAt: sendAtOf(assign.byKey.get(variant)!) ?? plannedAt(i) };
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
