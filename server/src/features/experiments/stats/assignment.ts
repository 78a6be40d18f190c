import { createHmac } from 'node:crypto';

const TWO_POW_21 = 2 ** 21;
const TWO_POW_53 = 2 ** 53;

/**
 * A uniform number in [0, 1) from HMAC-SHA256(secret, parts): the same parts give the same number
 * in every process and on every retry, and without the secret nobody can predict or steer it. Each
 * part is written with its length first, so ('ab', 'c') and ('a', 'bc') differ; numbers are written
 * as their decimal text, so an id read back as a string (PostgreSQL's bigint) hashes like the number.
 * The first 53 bits of the digest make the double.
 */
export const uniformOf = (secret: string, ...parts: Array<string | number>): number => {
  const hmac = createHmac('sha256', secret);
  for (const part of parts) {
    const text = String(part);
    hmac.update(`${text.length}:${text};`);
  }
  const digest = hmac.digest();
  return (digest.readUInt32BE(0) * TWO_POW_21 + (digest.readUInt32BE(4) >>> 11)) / TWO_POW_53;
};

export interface AssignmentInput {
  secret: string;
  experimentId: string;
  contactId: number;
  variants: readonly string[];
  /** The percentage of the audience in the test, 1 to 100; 100 puts everyone in it. */
  testShare: number;
  /** Relative weights of the variants (equal when absent), as Thompson sampling's shares. */
  weights?: readonly number[];
}

const checkInput = ({ secret, variants, testShare, weights }: AssignmentInput) => {
  if (!secret) throw new RangeError('assignment needs a secret');
  if (variants.length === 0) throw new RangeError('assignment needs at least one variant');
  if (!(testShare >= 1 && testShare <= 100)) throw new RangeError(`testShare must be between 1 and 100, got ${testShare}`);
  if (weights) {
    if (weights.length !== variants.length) {
      throw new RangeError(`weights must have one entry per variant (${variants.length}), got ${weights.length}`);
    }
    if (weights.some((w) => !(w >= 0 && Number.isFinite(w))) || !weights.some((w) => w > 0)) {
      throw new RangeError('weights must be non-negative and finite, and at least one must be positive');
    }
  }
};

/**
 * Whether a contact is in the test group and which variant it gets, each from its own keyed hash of
 * (experiment, contact): the test group is a uniform sample of the audience, the variants split it
 * by their weights, and a retry or a second dispatch gives the same answer. The two draws are
 * separate so that changing the test share does not move anyone between variants.
 */
export const assignVariant = (input: AssignmentInput): { inTest: boolean; variant: string | null } => {
  checkInput(input);
  const { secret, experimentId, contactId, variants, testShare, weights } = input;
  const inTest = testShare >= 100 || uniformOf(secret, 'test', experimentId, contactId) < testShare / 100;
  if (!inTest) return { inTest, variant: null };
  const u = uniformOf(secret, 'variant', experimentId, contactId);
  if (!weights) return { inTest, variant: variants[Math.floor(u * variants.length)] };
  const total = weights.reduce((sum, w) => sum + w, 0);
  let cumulative = 0;
  let last = 0;
  for (let i = 0; i < variants.length; i += 1) {
    if (weights[i] === 0) continue;
    last = i;
    cumulative += weights[i] / total;
    if (u < cumulative) return { inTest, variant: variants[i] };
  }
  // Rounding can leave the cumulative sum a hair under 1: the last variant with any weight takes the rest.
  return { inTest, variant: variants[last] };
};

/**
 * A bandit contact's wave, 1 to `waves`, from a keyed hash of (experiment, contact) of its own: the
 * waves are uniform samples of the audience, the same on every retry or dispatch, and independent
 * of the variant draw (assignVariant), which the wave's shares then weigh.
 */
export const assignWave = (input: { secret: string; experimentId: string; contactId: number; waves: number }): number => {
  const { secret, experimentId, contactId, waves } = input;
  if (!secret) throw new RangeError('assignment needs a secret');
  if (!(Number.isInteger(waves) && waves >= 1)) throw new RangeError(`waves must be a whole number from 1, got ${waves}`);
  return Math.floor(uniformOf(secret, 'wave', experimentId, contactId) * waves) + 1;
};
