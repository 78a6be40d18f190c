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
    design: 'ab',
    factors: null,
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
    waves: 5,
    waveMinutes: 60,
  });
  expect(JSON.parse(JSON.stringify(parsed.variants![0]))).toEqual({ key: 'A', name: 'Control' });
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

const subjects = {
  field: 'subject',
  levels: [
    { name: 'Short', value: 'Sale' },
    { name: 'Long', value: 'Our winter sale starts now' },
  ],
};
const senders = {
  field: 'fromName',
  levels: [
    { name: 'Brand', value: 'Acme' },
    { name: 'Person', value: 'Ann at Acme' },
  ],
};
const contents = {
  field: 'content',
  levels: [
    { name: 'One', value: '<mjml></mjml>' },
    { name: 'Two', value: '<mjml><mj-body></mj-body></mjml>' },
  ],
};

test('a factorial test takes factors, no variants, and keeps its decision settings', () => {
  const parsed = experimentInput.parse({
    design: 'factorial',
    factors: [subjects, senders],
    noWinner: 'send-default',
    defaultVariant: 'D',
  });
  expect(parsed).toMatchObject({ design: 'factorial', factors: [subjects, senders], testShare: 20, defaultVariant: 'D' });
  expect(parsed.variants).toBeUndefined();
});

test('a bandit sends to the whole audience: its test share is 100, its waves take their defaults', () => {
  const two = three.slice(0, 2);
  expect(experimentInput.parse({ design: 'bandit', variants: two })).toMatchObject({
    design: 'bandit',
    testShare: 100,
    waves: 5,
    waveMinutes: 60,
  });
  expect(experimentInput.parse({ design: 'bandit', variants: two, testShare: 100, waves: 12, waveMinutes: 30 })).toMatchObject({
    waves: 12,
    waveMinutes: 30,
  });
});

test.each([
  ['an unknown design', { design: 'split', variants: three }, 'design: must be one of ab, factorial, bandit'],
  ['a factorial test without factors', { design: 'factorial' }, 'factors: must have 1 to 3 factors'],
  ['a factorial test with variants', { design: 'factorial', factors: [subjects], variants: three }, 'variants: are made from the factors'],
  ['four factors', { design: 'factorial', factors: [subjects, senders, contents, subjects] }, 'factors: must have 1 to 3 factors'],
  ['a field twice', { design: 'factorial', factors: [subjects, senders, subjects] }, 'factors[2].field: "subject" is already factors[0]'],
  ['an unknown factor field', { design: 'factorial', factors: [{ ...subjects, field: 'plainText' }] }, 'factors[0].field: must be one of'],
  [
    'a factor of one level',
    { design: 'factorial', factors: [{ ...subjects, levels: [subjects.levels[0]] }] },
    'factors[0].levels: must have 2 to 4 levels',
  ],
  [
    'two levels of one name',
    { design: 'factorial', factors: [{ ...subjects, levels: [subjects.levels[0], { ...subjects.levels[1], name: 'Short' }] }] },
    'factors[0].levels[1].name: "Short" is already the name of levels[0]',
  ],
  [
    'a level value the field refuses',
    { design: 'factorial', factors: [{ ...subjects, levels: [subjects.levels[0], { name: 'Bad', value: 'a\nb' }] }] },
    'factors[0].levels[1].value: must not contain line breaks',
  ],
  [
    'more than eight combinations',
    {
      design: 'factorial',
      factors: [subjects, { ...senders, levels: [...senders.levels, { name: 'Team', value: 'The Acme team' }] }, contents],
    },
    'factors: make 12 combinations (2 × 3 × 2): at most 8',
  ],
  [
    'a default that is no combination',
    { design: 'factorial', factors: [subjects], noWinner: 'send-default', defaultVariant: 'C' },
    'defaultVariant: must be one of A, B',
  ],
  ['factors in an A/B test', { variants: three, factors: [subjects] }, 'factors: are only for design "factorial"'],
  ['an A/B test without variants', {}, 'variants: must have 2 to 8 variants'],
  ['a bandit with a test share', { design: 'bandit', variants: three, testShare: 20 }, 'testShare: must be 100 or left out'],
  ['a send-time variant in a bandit', { design: 'bandit', variants: three }, 'variants[2].sendAt: is not for a bandit'],
  ['a bandit of one wave', { design: 'bandit', variants: three, waves: 1 }, 'waves: must be from 2 to 50'],
  ['a wave pause over 7 days', { design: 'bandit', variants: three, waveMinutes: 10081 }, 'waveMinutes: must be from 1 to 10080'],
])('refuses %s, naming the field', (_label, input, message) => {
  expect(refusal(input)).toContain(`Invalid experiment: ${message}`);
});
