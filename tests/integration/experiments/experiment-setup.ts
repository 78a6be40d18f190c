import { experimentForSend } from '../../../server/src/features/experiments/experiment-store';
import { experimentApi, HELLO_MJML, threeVariants, VALID_SET_UP } from '../../helpers/experiments';
import { useGroupApp } from '../../helpers/integration-group';

const EXPERIMENT = 'plugin::campaigns.experiment';

const group = useGroupApp();
const { strapi, auth, api } = group;
const { createCampaign, path, put, campaignId, storedExperiments } = experimentApi(group);

test('saves a 3-variant experiment, answers it, replaces it while a draft and gives the send what it needs', async () => {
  const campaign = await createCampaign('Spring news');
  expect((await api().get(path(campaign.documentId)).set(auth()).expect(200)).body).toEqual({ data: null });

  const saved = await put(campaign.documentId, VALID_SET_UP);
  expect(saved.status).toBe(200);
  expect(saved.body.data).toMatchObject({
    campaign: { documentId: campaign.documentId, name: 'Spring news' },
    state: 'draft',
    ...VALID_SET_UP,
    winner: null,
    decidedAt: null,
    decision: null,
    editable: true,
    editorActions: ['cancel'],
    decisions: [],
  });
  const [row] = await storedExperiments(campaign.documentId);
  // Stored as the contract's Variant: the fields a variant names, nothing else.
  expect(row).toMatchObject({ state: 'draft', variants: threeVariants(), testShare: 30, defaultVariant: 'A' });
  expect(await api().get(path(campaign.documentId)).set(auth()).expect(200)).toHaveProperty(
    'body.data.documentId',
    saved.body.data.documentId
  );

  const replaced = await put(campaign.documentId, {
    variants: [
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Question', subject: 'Ready for spring?' },
    ],
  });
  expect(replaced.status).toBe(200);
  expect(replaced.body.data).toMatchObject({
    documentId: saved.body.data.documentId,
    testShare: 20,
    metric: 'click',
    waitMinutes: 240,
    decisionRule: 'bayesian',
    noWinner: 'wait',
    defaultVariant: null,
    minSamplePerVariant: 100,
    probabilityToWin: 0.95,
  });
  expect(await storedExperiments(campaign.documentId)).toEqual([
    expect.objectContaining({
      id: row.id,
      variants: [
        { key: 'A', name: 'Control' },
        { key: 'B', name: 'Question', subject: 'Ready for spring?' },
      ],
    }),
  ]);

  expect(await experimentForSend(strapi(), await campaignId(campaign.documentId))).toEqual({
    id: row.id,
    documentId: saved.body.data.documentId,
    state: 'draft',
    variants: [
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Question', subject: 'Ready for spring?' },
    ],
    testShare: 20,
    design: 'ab',
    waves: 5,
  });
  const other = await createCampaign('No test');
  expect(await experimentForSend(strapi(), await campaignId(other.documentId))).toBeNull();
});

describe('refuses a bad set-up with a 400 naming the field and what to fix, storing nothing', () => {
  const variants = threeVariants();
  const past = new Date(Date.now() - 60_000).toISOString();
  const cases: Array<[string, Record<string, unknown>, string]> = [
    [
      'nine variants',
      { variants: 'ABCDEFGHI'.split('').map((key) => ({ key, name: key, subject: `Subject ${key}` })) },
      'variants: must have 2 to 8 variants',
    ],
    ['a single variant', { variants: [variants[0]] }, 'variants: must have 2 to 8 variants'],
    [
      'duplicate keys',
      { variants: [variants[0], variants[1], { ...variants[2], key: 'B' }] },
      'variants[2].key: "B" is already the key of variants[1]',
    ],
    ['keys out of order', { variants: [variants[0], { ...variants[1], key: 'C' }] }, 'variants[1].key: must be "B"'],
    ['a default variant that is none of them', { ...VALID_SET_UP, defaultVariant: 'D' }, 'defaultVariant: must be one of A, B, C'],
    ['send-default without a default', { ...VALID_SET_UP, defaultVariant: null }, 'defaultVariant: must be one of A, B, C'],
    [
      'a send time in the past',
      { variants: [variants[0], { ...variants[1], sendAt: past }] },
      `variants[1].sendAt: ${past} is in the past`,
    ],
    ['a test share of 0', { ...VALID_SET_UP, testShare: 0 }, 'testShare: must be from 1 to 100'],
    ['a test share of 101', { ...VALID_SET_UP, testShare: 101 }, 'testShare: must be from 1 to 100'],
    ['a wait of 31 days', { ...VALID_SET_UP, waitMinutes: 31 * 24 * 60 }, 'waitMinutes: must be from 1 to 43200'],
    ['a metric it cannot measure', { ...VALID_SET_UP, metric: 'revenue' }, 'metric: must be one of open, click, click-to-open, reply'],
    ['a probability to win of 0.4', { ...VALID_SET_UP, probabilityToWin: 0.4 }, 'probabilityToWin: must be from 0.5 to 0.999'],
    [
      'a variant overriding nothing',
      { variants: [variants[0], variants[1], { key: 'C', name: 'Nothing new' }] },
      'variants[2]: sends the same message as variants[0] (the control)',
    ],
    [
      "a variant naming only the campaign's own subject",
      { variants: [variants[0], { key: 'B', name: 'Same', subject: 'Spring news' }] },
      'variants[1]: sends the same message as variants[0] (the control)',
    ],
    [
      'an unknown variable in a variant subject',
      { variants: [variants[0], { ...variants[1], subject: 'Hi {{ contct.firstName }}' }] },
      'variants[1].subject: unknown variable "contct.firstName"',
    ],
    ['an unknown field', { ...VALID_SET_UP, state: 'decided' }, 'state: unknown field'],
  ];

  test.each(cases)('%s', async (_label, data, message) => {
    const campaign = await createCampaign(`Refused: ${_label}`);
    const before = await strapi().db.query(EXPERIMENT).count();
    const res = await put(campaign.documentId, data);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(`Invalid experiment: ${message}`);
    expect(await storedExperiments(campaign.documentId)).toEqual([]);
    expect(await strapi().db.query(EXPERIMENT).count()).toBe(before);
  });

  test("variant content is compiled as a campaign's: the MJML problems at their lines, under the variant's field", async () => {
    const campaign = await createCampaign('Broken variant');
    const broken = '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-bogus/>\n</mj-column></mj-section>\n</mj-body>\n</mjml>';
    const res = await put(campaign.documentId, { variants: [variants[0], variants[1], { ...variants[2], content: broken }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid experiment: variants\[2\]\.content: MJML errors: line 4: .*mj-bogus/);
    expect(res.body.error.details.errors).toEqual([
      {
        path: ['variants', '2', 'content'],
        message: expect.stringMatching(/^MJML errors: line 4/),
        name: 'ValidationError',
        lines: [{ line: 4, message: expect.stringMatching(/mj-bogus/) }],
      },
    ]);
    const typo = await put(campaign.documentId, {
      variants: [variants[0], { ...variants[1], content: HELLO_MJML.replace('contact.firstName', 'contct.firstName') }],
    });
    expect(typo.status).toBe(400);
    expect(typo.body.error.details.errors[0]).toMatchObject({
      path: ['variants', '1', 'content'],
      lines: [{ line: 3, message: expect.stringMatching(/^unknown variable "contct.firstName"/) }],
    });
    expect(await storedExperiments(campaign.documentId)).toEqual([]);
  });

  test('a refused replace leaves the stored set-up as it was', async () => {
    const campaign = await createCampaign('Keep my test');
    await put(campaign.documentId, VALID_SET_UP).expect(200);
    const before = await storedExperiments(campaign.documentId);
    const res = await put(campaign.documentId, {
      ...VALID_SET_UP,
      testShare: 101,
      variants: [variants[0], { ...variants[1], subject: 'Changed' }],
    });
    expect(res.status).toBe(400);
    expect(await storedExperiments(campaign.documentId)).toEqual(before);
  });
});

test('404 for an unknown campaign', async () => {
  const res = await api().get(path('doesnotexist000000000000')).set(auth());
  expect(res.status).toBe(404);
  expect(res.body.error.message).toBe('No campaign with documentId "doesnotexist000000000000"');
});
