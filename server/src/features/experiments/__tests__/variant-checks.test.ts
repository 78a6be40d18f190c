import type { Factor, Variant } from '../../../../../shared/contracts/experiments';
import { cellsOf } from '../../../../../shared/factorial-cells';
import { factorFieldPath, factorProblemOf } from '../factor-problems';
import { checkVariantContent, variantProblem, type CampaignMessage } from '../variant-checks';

const campaign: CampaignMessage = {
  subject: 'Spring news',
  preheader: null,
  fromName: 'Shop',
  content: '<mjml><mj-body></mj-body></mjml>',
};
const NOW = Date.parse('2030-01-01T00:00:00Z');
const control: Variant = { key: 'A', name: 'Control' };

test('variants that differ in any field pass', () => {
  const variants: Variant[] = [
    control,
    { key: 'B', name: 'Subject', subject: 'Spring sale' },
    { key: 'C', name: 'Sender', fromName: 'Ann from Shop' },
    { key: 'D', name: 'Later', sendAt: '2030-01-02T09:00:00+02:00' },
  ];
  expect(variantProblem(variants, campaign, NOW)).toBeNull();
});

test("a variant naming nothing, or only the campaign's own values, is the control again", () => {
  expect(variantProblem([control, { key: 'B', name: 'Same' }], campaign, NOW)).toEqual({
    path: ['variants', '1'],
    message: expect.stringMatching(/^sends the same message as variants\[0\] \(the control\): give it/),
    variant: 1,
    twin: 0,
  });
  expect(variantProblem([control, { key: 'B', name: 'Same subject', subject: 'Spring news' }], campaign, NOW)?.path).toEqual([
    'variants',
    '1',
  ]);
});

test('two variants with one send time written in two zones are the same', () => {
  const variants: Variant[] = [
    control,
    { key: 'B', name: 'Paris', sendAt: '2030-01-02T10:00:00+01:00' },
    { key: 'C', name: 'UTC', sendAt: '2030-01-02T09:00:00Z' },
  ];
  expect(variantProblem(variants, campaign, NOW)).toEqual({
    path: ['variants', '2'],
    message: expect.stringMatching(/as variants\[1\]: give/),
    variant: 2,
    twin: 1,
  });
});

test('a send time not later than now is refused', () => {
  const past = '2029-12-31T23:59:00Z';
  expect(variantProblem([control, { key: 'B', name: 'Past', sendAt: past }], campaign, NOW)).toEqual({
    path: ['variants', '1', 'sendAt'],
    message: `${past} is in the past: a send-time variant goes out later than now`,
    variant: 1,
    field: 'sendAt',
  });
});

test("a variant's content is checked as a campaign's, its problems at their lines under the variant's field", async () => {
  const content = '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-bogus/>\n</mj-column></mj-section>\n</mj-body>\n</mjml>';
  const error = await checkVariantContent([
    control,
    { key: 'B', name: 'Subject', subject: 'Hi' },
    { key: 'C', name: 'Broken', content },
  ]).then(
    () => null,
    (e: unknown) => e as { message: string; details: { errors: unknown[] } }
  );
  expect(error?.message).toMatch(/^Invalid experiment: variants\[2\]\.content: MJML errors: line 4: /);
  expect(error?.details.errors).toEqual([
    {
      path: ['variants', '2', 'content'],
      message: expect.stringMatching(/^MJML errors/),
      name: 'ValidationError',
      lines: [{ line: 4, message: expect.stringMatching(/mj-bogus/) }],
    },
  ]);
});

test('an unknown variable in a variant subject is refused under that field', async () => {
  await expect(checkVariantContent([control, { key: 'B', name: 'Typo', subject: 'Hi {{ contct.firstName }}' }])).rejects.toThrow(
    /^Invalid experiment: variants\[1\]\.subject: unknown variable "contct.firstName"/
  );
});

// A factorial test's cells are the server's (shared/factorial-cells.ts): their problems are answered at the editor's factor levels.
describe('a factorial test', () => {
  const subject = (second = 'Our spring sale starts now'): Factor => ({
    field: 'subject',
    levels: [
      { name: 'Short', value: 'Sale' },
      { name: 'Long', value: second },
    ],
  });
  const sendAt = (morning = '2030-01-02T08:00:00+01:00'): Factor => ({
    field: 'sendAt',
    levels: [
      { name: 'Morning', value: morning },
      { name: 'Evening', value: '2030-01-02T19:00:00+01:00' },
    ],
  });

  /** What the service answers: variantProblem on the cells, at the factor level when there is one. */
  const problemOf = (factors: Factor[]) => {
    const cells = cellsOf(factors);
    const found = variantProblem(cells, campaign, NOW);
    return found && factorProblemOf(found, factors, cells);
  };

  test('distinct levels make cells with no problem', () => {
    expect(problemOf([subject(), sendAt()])).toBeNull();
  });

  test('a past send time is answered at the level that holds it, not at the first cell that uses it', () => {
    const past = '2029-12-31T08:00:00+01:00';
    expect(problemOf([subject(), sendAt(past)])).toMatchObject({
      path: ['factors', '1', 'levels', '0', 'value'],
      message: `${past} is in the past: a send-time variant goes out later than now`,
    });
  });

  test('two levels of one value make equal cells: the later level is named, with the combinations it makes equal', () => {
    const problem = problemOf([subject('Sale'), sendAt()]);
    expect(problem?.path).toEqual(['factors', '0', 'levels', '1', 'value']);
    expect(problem?.message).toBe(
      'level "Long" gives the same subject as level "Short" (levels[0]), so combination C (Subject: Long · Send time: Morning) ' +
        'sends the same message as A (Subject: Short · Send time: Morning): give each level a subject of its own'
    );
  });

  test('one send time written in two zones is one level twice', () => {
    const zones: Factor = {
      field: 'sendAt',
      levels: [
        { name: 'Paris', value: '2030-01-02T10:00:00+01:00' },
        { name: 'UTC', value: '2030-01-02T09:00:00Z' },
      ],
    };
    expect(problemOf([subject(), zones])).toMatchObject({
      path: ['factors', '1', 'levels', '1', 'value'],
      message: expect.stringMatching(/^level "UTC" gives the same send time as level "Paris" \(levels\[0\]\), so combination B /),
    });
  });

  test("a cell's content problem is answered at the content level, with its lines", async () => {
    const broken = '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-bogus/>\n</mj-column></mj-section>\n</mj-body>\n</mjml>';
    const factors: Factor[] = [
      subject(),
      {
        field: 'content',
        levels: [
          { name: 'Plain', value: campaign.content! },
          { name: 'Broken', value: broken },
        ],
      },
    ];
    const cells = cellsOf(factors);
    const error = await checkVariantContent(cells, factorFieldPath(factors, cells)).then(
      () => null,
      (e: { details: { errors: unknown[] } }) => e
    );
    expect(error?.details.errors).toEqual([
      expect.objectContaining({ path: ['factors', '1', 'levels', '1', 'value'], lines: [expect.objectContaining({ line: 4 })] }),
    ]);
  });

  test('a field no factor makes keeps the cell path', () => {
    const factors = [subject()];
    expect(factorFieldPath(factors, cellsOf(factors))(1, 'content')).toEqual(['variants', '1', 'content']);
  });
});
