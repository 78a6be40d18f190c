import { assignVariant, assignWave } from '../assignment';
import { jStat } from './jstat';

const CONTACTS = 100_000;
const SECRET = 'experiment-secret-for-tests';

const chiSquarePValue = (observed: number[], expected: number[]) => {
  const statistic = observed.reduce((sum, o, i) => sum + (o - expected[i]) ** 2 / expected[i], 0);
  return 1 - jStat.chisquare.cdf(statistic, observed.length - 1);
};

describe('assignWave', () => {
  it('gives a contact the same wave on every call, from 1 to the number of waves', () => {
    for (let contactId = 1; contactId <= 2000; contactId += 1) {
      const input = { secret: SECRET, experimentId: 'exp-waves', contactId, waves: 7 };
      const wave = assignWave(input);
      expect(Number.isInteger(wave) && wave >= 1 && wave <= 7).toBe(true);
      expect(assignWave({ ...input })).toBe(wave);
      // An id read back as text (PostgreSQL's bigint) hashes the same.
      expect(assignWave({ ...input, contactId: String(contactId) as unknown as number })).toBe(wave);
    }
  });

  it.each([2, 5, 50])('splits 100,000 contacts evenly between %i waves (chi-square p > 0.001)', (waves) => {
    const counts = Array.from({ length: waves }, () => 0);
    for (let contactId = 1; contactId <= CONTACTS; contactId += 1) {
      counts[assignWave({ secret: SECRET, experimentId: 'exp-balance', contactId, waves }) - 1] += 1;
    }
    expect(
      chiSquarePValue(
        counts,
        counts.map(() => CONTACTS / waves)
      )
    ).toBeGreaterThan(0.001);
  });

  it('is independent of the variant draw: each wave splits evenly between the variants', () => {
    const byWave = Array.from({ length: 4 }, () => [0, 0, 0]);
    for (let contactId = 1; contactId <= CONTACTS; contactId += 1) {
      const at = { secret: SECRET, experimentId: 'exp-independent', contactId };
      const wave = assignWave({ ...at, waves: 4 });
      const { variant } = assignVariant({ ...at, variants: ['A', 'B', 'C'], testShare: 100 });
      byWave[wave - 1]['ABC'.indexOf(variant!)] += 1;
    }
    for (const counts of byWave) {
      const total = counts.reduce((a, b) => a + b, 0);
      expect(
        chiSquarePValue(
          counts,
          counts.map(() => total / 3)
        )
      ).toBeGreaterThan(0.001);
    }
  });

  it('refuses inputs it cannot assign from', () => {
    const input = { secret: SECRET, experimentId: 'e', contactId: 1, waves: 3 };
    expect(() => assignWave({ ...input, secret: '' })).toThrow(RangeError);
    expect(() => assignWave({ ...input, waves: 0 })).toThrow(RangeError);
    expect(() => assignWave({ ...input, waves: 2.5 })).toThrow(RangeError);
  });
});
