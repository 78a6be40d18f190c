import type { Variant } from '../../../../../shared/contracts/experiments';
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
  });
});

test('a send time not later than now is refused', () => {
  const past = '2029-12-31T23:59:00Z';
  expect(variantProblem([control, { key: 'B', name: 'Past', sendAt: past }], campaign, NOW)).toEqual({
    path: ['variants', '1', 'sendAt'],
    message: `${past} is in the past: a send-time variant goes out later than now`,
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
