import { assignVariant, assignWave } from '../../experiments/stats';
import type { CampaignRow } from '../prepared-campaign';
import { dispatchModeOf, placeContacts, variantRow, type SendExperiment } from '../variants';

const experiment = (over: Partial<SendExperiment> = {}): SendExperiment => ({
  id: 1,
  documentId: 'exp-doc',
  state: 'testing',
  variants: [
    { key: 'A', name: 'Control' },
    { key: 'B', name: 'Question', subject: 'Ready?' },
    { key: 'C', name: 'Evening', sendAt: '2030-01-01T18:00:00Z' },
    { key: 'D', name: 'Short', subject: 'Hi' },
  ],
  testShare: 60,
  winner: null,
  design: 'ab',
  waves: 5,
  waveShares: [],
  ...over,
});
const assign = { secret: 'unit-secret', assignVariant, assignWave };
const contacts = Array.from({ length: 4000 }, (_, i) => ({ id: i + 1 }));

test('a test places its test group only, each contact in its stable variant; a send-time variant at its time', () => {
  const mode = dispatchModeOf(experiment(), null);
  expect(mode.kind).toBe('test');
  const placed = placeContacts(mode, contacts, null, assign);
  const again = placeContacts(mode, [...contacts].reverse(), null, assign).reverse();
  expect(again).toEqual(placed);
  const inTest = placed.filter((p) => p !== null);
  expect(inTest.length / contacts.length).toBeGreaterThan(0.56);
  expect(inTest.length / contacts.length).toBeLessThan(0.64);
  for (const p of inTest) expect(p.dueAt).toBe(p.variant === 'C' ? Date.parse('2030-01-01T18:00:00Z') : null);
  // The same answer the assignment gives for each contact.
  placed.forEach((p, i) => {
    const a = assignVariant({ ...assign, experimentId: 'exp-doc', contactId: i + 1, variants: ['A', 'B', 'C', 'D'], testShare: 60 });
    expect(p?.variant ?? null).toBe(a.variant);
  });
});

test('variants go out interleaved: every stretch of the dispatch order holds each variant about evenly', () => {
  const placed = placeContacts(dispatchModeOf(experiment(), null), contacts, null, assign).filter((p) => p !== null);
  const stretch = 400;
  for (let at = 0; at + stretch <= placed.length; at += stretch) {
    const counts = new Map<string, number>();
    for (const p of placed.slice(at, at + stretch)) counts.set(p.variant, (counts.get(p.variant) ?? 0) + 1);
    for (const key of ['A', 'B', 'C', 'D']) expect(counts.get(key) ?? 0).toBeGreaterThan(stretch / 4 / 2);
  }
});

test('a plan gives the test group its instants; the rest goes to everyone with the winner, at once', () => {
  const planned = contacts.map((c) => 1_000 + c.id);
  const test = placeContacts(dispatchModeOf(experiment(), null), contacts.slice(0, 50), planned, assign);
  test.forEach((p, i) => p && p.variant !== 'C' && expect(p.dueAt).toBe(planned[i]));
  const rest = placeContacts(dispatchModeOf(experiment({ state: 'decided', winner: 'B' }), 'B'), contacts.slice(0, 50), null, assign);
  expect(rest).toEqual(contacts.slice(0, 50).map(() => ({ variant: 'B', dueAt: null })));
});

test("no test, a draft or a cancelled one: the campaign's own message to everyone", () => {
  for (const source of [null, experiment({ state: 'draft' }), experiment({ state: 'cancelled' })]) {
    const mode = dispatchModeOf(source, null);
    expect(mode).toEqual({ kind: 'plain' });
    expect(placeContacts(mode, contacts.slice(0, 3), null, assign)).toEqual([
      { variant: '', dueAt: null },
      { variant: '', dueAt: null },
      { variant: '', dueAt: null },
    ]);
  }
  // A decided test whose rest has not started still places only its test group.
  expect(dispatchModeOf(experiment({ state: 'decided', winner: 'B' }), null).kind).toBe('test');
});

test("a variant's fields replace the campaign's; its own content drops the campaign's text part", () => {
  const row = {
    subject: 'Autumn news',
    preheader: 'Three things',
    fromName: 'Northwind',
    content: '<mjml/>',
    plainText: 'Autumn text',
  } as CampaignRow;
  expect(variantRow(row, { key: 'A', name: 'Control' })).toEqual(row);
  expect(variantRow(row, { key: 'B', name: 'B', subject: 'Ready?', fromName: 'Ann at Northwind' })).toEqual({
    ...row,
    subject: 'Ready?',
    fromName: 'Ann at Northwind',
  });
  expect(variantRow(row, { key: 'C', name: 'C', content: '<mjml><mj-body/></mjml>', preheader: '' })).toEqual({
    ...row,
    content: '<mjml><mj-body/></mjml>',
    preheader: '',
    plainText: null,
  });
});
