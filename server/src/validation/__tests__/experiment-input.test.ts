import { bracketPath, parseOrThrow } from '../errors';
import { experimentInput } from '../experiment-input';

const three = [
  { key: 'A', name: 'Control' },
  { key: 'B', name: 'Short subject', subject: 'Sale' },
  { key: 'C', name: 'Evening', sendAt: '2030-01-01T18:00:00+01:00' },
];

const refusal = (input: unknown) => {
  try {
    parseOrThrow(experimentInput, input, 'experiment', bracketPath);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted');
};

test('a set-up left at its defaults takes them; null fields of a variant are not named', () => {
  const parsed = experimentInput.parse({ variants: [{ key: 'A', name: 'Control', subject: null }, three[1]] });
  expect(parsed).toEqual({
    variants: [
      { key: 'A', name: 'Control', subject: undefined, preheader: undefined, fromName: undefined, content: undefined, sendAt: undefined },
      expect.objectContaining({ key: 'B', subject: 'Sale' }),
    ],
    testShare: 20,
    metric: 'click',
    waitMinutes: 240,
    decisionRule: 'bayesian',
    noWinner: 'wait',
    defaultVariant: null,
    minSamplePerVariant: 100,
    probabilityToWin: 0.95,
  });
  expect(JSON.parse(JSON.stringify(parsed.variants[0]))).toEqual({ key: 'A', name: 'Control' });
});

test.each([
  ['one variant', { variants: [three[0]] }, 'variants: must have 2 to 8 variants'],
  [
    'nine variants',
    { variants: 'ABCDEFGHI'.split('').map((key) => ({ key, name: key, subject: key })) },
    'variants: must have 2 to 8 variants',
  ],
  ['a key out of order', { variants: [three[0], { ...three[1], key: 'C' }] }, 'variants[1].key: must be "B"'],
  [
    'a key used twice',
    { variants: [three[0], three[1], { ...three[2], key: 'B' }] },
    'variants[2].key: "B" is already the key of variants[1]',
  ],
  [
    'an empty subject',
    { variants: [three[0], { ...three[1], subject: ' ' }] },
    "variants[1].subject: must not be empty: leave it out to send the campaign's subject",
  ],
  [
    'a subject with a line break',
    { variants: [three[0], { ...three[1], subject: 'a\r\nBcc: x' }] },
    'variants[1].subject: must not contain line breaks',
  ],
  [
    'a send time without an offset',
    { variants: [three[0], { ...three[2], key: 'B', sendAt: '2030-01-01T18:00:00' }] },
    'variants[1].sendAt: an ISO 8601',
  ],
  ['an unknown variant field', { variants: [three[0], { ...three[1], plainText: 'x' }] }, 'variants[1].plainText: unknown field'],
  ['a test share of 0', { variants: three, testShare: 0 }, 'testShare: must be from 1 to 100'],
  ['a test share of 101', { variants: three, testShare: 101 }, 'testShare: must be from 1 to 100'],
  ['a test share of 2.5', { variants: three, testShare: 2.5 }, 'testShare: must be a whole number from 1 to 100'],
  ['a wait of 0 minutes', { variants: three, waitMinutes: 0 }, 'waitMinutes: must be from 1 to 43200'],
  ['a wait over 30 days', { variants: three, waitMinutes: 43201 }, 'waitMinutes: must be from 1 to 43200'],
  ['an unknown metric', { variants: three, metric: 'revenue' }, 'metric: must be one of open, click, click-to-open, reply'],
  ['an unknown rule', { variants: three, decisionRule: 'highest-rate' }, 'decisionRule: must be one of bayesian, frequentist'],
  ['a probability of 1', { variants: three, probabilityToWin: 1 }, 'probabilityToWin: must be from 0.5 to 0.999'],
  ['send-default without a default', { variants: three, noWinner: 'send-default' }, 'defaultVariant: must be one of A, B, C'],
  [
    'a default that is no variant',
    { variants: three, noWinner: 'send-default', defaultVariant: 'D' },
    'defaultVariant: must be one of A, B, C',
  ],
  ['a default while waiting', { variants: three, defaultVariant: 'A' }, 'defaultVariant: is only for noWinner "send-default"'],
])('refuses %s, naming the field', (_label, input, message) => {
  expect(refusal(input)).toContain(`Invalid experiment: ${message}`);
});

test('a default variant goes with send-default', () => {
  expect(experimentInput.parse({ variants: three, noWinner: 'send-default', defaultVariant: 'C' }).defaultVariant).toBe('C');
});
