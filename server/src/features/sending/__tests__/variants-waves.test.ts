import { assignVariant, assignWave } from '../../experiments/stats';
import { awaitsWinner, dispatchModeOf, placeContacts, type SendExperiment } from '../variants';

const WAVE_SHARES = [
  { A: 1 / 3, B: 1 / 3, C: 1 / 3 },
  { A: 0.1, B: 0.8, C: 0.1 },
  { A: 0.05, B: 0.9, C: 0.05 },
];

const bandit = (over: Partial<SendExperiment> = {}): SendExperiment => ({
  id: 1,
  documentId: 'bandit-doc',
  state: 'testing',
  variants: [
    { key: 'A', name: 'Control' },
    { key: 'B', name: 'Question', subject: 'Ready?' },
    { key: 'C', name: 'Short', subject: 'Hi' },
  ],
  testShare: 100,
  winner: null,
  design: 'bandit',
  waves: 4,
  waveShares: WAVE_SHARES,
  ...over,
});
const assign = { secret: 'unit-secret', assignVariant, assignWave };
const contacts = Array.from({ length: 40_000 }, (_, i) => ({ id: i + 1 }));
const waveOf = (id: number) => assignWave({ secret: assign.secret, experimentId: 'bandit-doc', contactId: id, waves: 4 });

test("a bandit's dispatch places the contacts of the waves its send record has reached, with those waves' stored shares", () => {
  expect(dispatchModeOf(bandit(), null, 2)).toEqual({ kind: 'waves', experiment: bandit(), shares: WAVE_SHARES.slice(0, 2) });
  // Decided or cancelled, the waves that went stay what they were; a picked winner's rest takes over.
  expect(dispatchModeOf(bandit({ state: 'cancelled' }), null, 1).kind).toBe('waves');
  expect(dispatchModeOf(bandit({ state: 'decided', winner: 'B' }), 'B', 2).kind).toBe('rest');
  expect(dispatchModeOf(bandit({ state: 'draft' }), null).kind).toBe('plain');

  const placed = placeContacts(dispatchModeOf(bandit(), null, 2), contacts, null, assign);
  placed.forEach((p, i) => expect(p === null).toBe(waveOf(contacts[i].id) > 2));
  // Stable: a retry, or the next wave's dispatch, places every contact of these waves the same.
  expect(placeContacts(dispatchModeOf(bandit(), null, 2), [...contacts].reverse(), null, assign).reverse()).toEqual(placed);
  const later = placeContacts(dispatchModeOf(bandit(), null, 3), contacts, null, assign);
  placed.forEach((p, i) => p && expect(later[i]).toEqual(p));
});

test("each wave's variants follow its stored shares (within 2 points over its ~10,000 contacts)", () => {
  const placed = placeContacts(dispatchModeOf(bandit(), null, 3), contacts, null, assign);
  for (const wave of [1, 2, 3]) {
    const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
    let total = 0;
    placed.forEach((p, i) => {
      if (waveOf(contacts[i].id) !== wave) return;
      counts[p!.variant] += 1;
      total += 1;
    });
    expect(total / contacts.length).toBeCloseTo(0.25, 1);
    for (const key of ['A', 'B', 'C'] as const) expect(Math.abs(counts[key] / total - WAVE_SHARES[wave - 1][key])).toBeLessThan(0.02);
  }
});

test('the campaign stays sending between waves while the bandit tests, and not after its last, a pick or a cancel', () => {
  expect(awaitsWinner(bandit(), null, 1)).toBe(true);
  expect(awaitsWinner(bandit(), null, 3)).toBe(true);
  expect(awaitsWinner(bandit(), null, 4)).toBe(false);
  expect(awaitsWinner(bandit({ state: 'cancelled' }), null, 2)).toBe(false);
  expect(awaitsWinner(bandit({ state: 'decided', winner: null }), null, 2)).toBe(false);
  expect(awaitsWinner(bandit({ state: 'decided', winner: 'B' }), 'B', 2)).toBe(false);
});
