import { compileContent } from '../../../../../server/src/content/compile';
import { campaignUpdateInput } from '../../../../../server/src/validation/campaign-input';
import type { Campaign } from '../../../../../shared/contracts/campaigns';
import type { SendProgress } from '../../../../../shared/contracts/sending';
import { campaignInputOf, formValuesOf } from '../campaign-form';
import { percentDone } from '../send-progress';
import { STARTER_MJML } from '../starter-template';
import { parseRecipients, recipientsProblem } from '../test-recipients';

const campaign: Campaign = {
  documentId: 'c1',
  name: 'Spring',
  subject: null,
  state: 'draft',
  sendAt: null,
  segment: { documentId: 's1', name: 'Everyone' },
  sentTo: null,
  sentAt: null,
  rates: null,
  audienceSize: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  preheader: null,
  fromName: null,
  fromEmail: null,
  replyTo: null,
  contentFormat: 'mjml',
  content: null,
  plainText: null,
  timezoneMode: 'fixed',
  schedule: null,
  topic: null,
  pauseReason: null,
};

describe('the campaign form', () => {
  test('a campaign without content opens on the starter template, which the server compiles', async () => {
    expect(formValuesOf(campaign).content).toBe(STARTER_MJML);
    const compiled = await compileContent({ subject: 'Hi', preheader: null, content: STARTER_MJML, plainText: null });
    expect(compiled.html.pieces.length).toBeGreaterThan(0);
  });

  test('saves every field, blanks as null, in the shape the server accepts', () => {
    const input = campaignInputOf({ ...formValuesOf(campaign), subject: 'Hello', fromEmail: 'news@example.com' }, 'draft');
    expect(input).toMatchObject({
      subject: 'Hello',
      preheader: null,
      fromEmail: 'news@example.com',
      replyTo: null,
      segment: 's1',
      plainText: null,
    });
    expect(campaignUpdateInput.safeParse(input).success).toBe(true);
  });

  test('once the campaign is past editing, the form saves nothing (its name is renamed on its own)', () => {
    for (const state of ['sending', 'sent', 'cancelled', 'failed'] as const) {
      expect(campaignInputOf(formValuesOf(campaign), state)).toEqual({});
    }
  });

  test('paused, everything can change again', () => {
    expect(Object.keys(campaignInputOf(formValuesOf(campaign), 'paused')).sort()).toEqual(
      Object.keys(campaignInputOf(formValuesOf(campaign), 'draft')).sort()
    );
  });
});

describe('test recipients', () => {
  test('commas, semicolons and new lines separate addresses; blanks and repeats go', () => {
    expect(parseRecipients(' a@x.test,\nb@x.test;; a@x.test \n')).toEqual(['a@x.test', 'b@x.test']);
  });

  test('one to ten addresses', () => {
    expect(recipientsProblem([])?.defaultMessage).toMatch(/at least one/);
    expect(recipientsProblem(Array.from({ length: 11 }, (_, i) => `${i}@x.test`))).toMatchObject({ values: { max: 10, count: 11 } });
    expect(recipientsProblem(['a@x.test'])).toBeUndefined();
  });
});

describe('send progress', () => {
  const progress = (counts: Partial<SendProgress>): SendProgress => ({
    documentId: 'c1',
    state: 'sending',
    targeted: 0,
    dispatching: false,
    queued: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    suppressed: 0,
    unknown: 0,
    cancelled: 0,
    startedAt: null,
    finishedAt: null,
    pauseReason: null,
    ...counts,
  });

  test('counts every delivery that reached an end, whatever the end', () => {
    expect(percentDone(progress({ targeted: 8, queued: 3, sending: 1, sent: 2, failed: 1, suppressed: 1 }))).toBe(50);
    expect(percentDone(progress({ targeted: 3, sent: 3 }))).toBe(100);
  });

  test('nothing targeted yet is 0%', () => {
    expect(percentDone(progress({ dispatching: true }))).toBe(0);
  });
});
