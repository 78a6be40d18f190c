import { createBrevoAdapter } from '../brevo';
import { MalformedPayload } from '../verification';
import { contextOf, requestOf } from './signers';

const now = 1_780_000_000_000;
const config = { token: 'brevo-token-0123456789abcdef' };
const verify = (body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${config.token}` }) =>
  createBrevoAdapter().verify(requestOf(typeof body === 'string' ? body : JSON.stringify(body), headers), config, contextOf(now).context);

const event = (fields: object) => ({
  id: 123456,
  email: 'Ann@Example.com',
  'message-id': '<d42.abc@news.example.com>',
  ts_event: 1_780_000_000,
  ts_epoch: 1_780_000_000_123,
  date: '2026-05-28 22:26:40',
  ...fields,
});

test('the bearer token is required and compared', async () => {
  await expect(verify(event({ event: 'delivered' }), {})).rejects.toThrow('authorization header is missing');
  await expect(verify(event({ event: 'delivered' }), { Authorization: 'Bearer brevo-token-0123456789abcdeX' })).rejects.toThrow(
    'bearer token is wrong'
  );
  await expect(verify(event({ event: 'delivered' }), { Authorization: `Basic ${config.token}` })).rejects.toThrow('bearer token is wrong');
  expect((await verify(event({ event: 'delivered' }))).notices).toHaveLength(1);
});

test('malformed JSON after the token is a 400', async () => {
  await expect(verify('{"event":')).rejects.toThrow(MalformedPayload);
  await expect(verify({ event: 'hard_bounce' })).rejects.toThrow('0.email');
});

test('a hard bounce: named by event, message, recipient and time; matched by message-id', async () => {
  const [notice] = (await verify(event({ event: 'hard_bounce', reason: '550 5.1.1 <ann@example.com>: Recipient address rejected' })))
    .notices;
  expect(notice).toMatchObject({
    origin: 'brevo',
    reference: 'hard_bounce:<d42.abc@news.example.com>:ann@example.com:1780000000123',
    at: 1_780_000_000_123,
    kind: 'bounce',
    match: { messageIds: ['<d42.abc@news.example.com>'] },
    recipients: [{ email: 'ann@example.com', bounceType: 'hard', reason: 'userunknown', status: '5.1.1' }],
  });
});

test.each([
  ['soft_bounce', 'bounce', 'soft', 'undefined'],
  ['deferred', 'bounce', 'soft', 'undefined'],
  ['invalid_email', 'bounce', 'hard', 'syntaxerror'],
  ['blocked', 'bounce', 'undetermined', 'rejected'],
  ['spam', 'complaint', null, 'feedback'],
  ['complaint', 'complaint', null, 'feedback'],
  ['unsubscribed', 'unsubscribe-request', null, null],
  ['delivered', 'delivered', null, 'delivered'],
  ['opened', 'open', null, null],
  ['unique_opened', 'open', null, null],
])('%s is %s (%s, %s)', async (name, kind, bounceType, reason) => {
  expect((await verify(event({ event: name }))).notices[0]).toMatchObject({ kind, recipients: [{ bounceType, reason }] });
});

test('a batched webhook posts an array; request and click make no notice', async () => {
  const { notices } = await verify([
    event({ event: 'request' }),
    event({ event: 'click' }),
    event({ event: 'delivered' }),
    event({ event: 'opened', ts_epoch: 1_780_000_100_000 }),
  ]);
  expect(notices.map((n) => n.kind)).toEqual(['delivered', 'open']);
});
