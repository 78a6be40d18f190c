import { createGenericAdapter, GENERIC_SIGNATURE_HEADER, GENERIC_TIMESTAMP_HEADER, genericSignature } from '../generic';
import { MalformedPayload, RequestRefused } from '../verification';
import { contextOf, requestOf } from './signers';

const now = 1_780_000_000_000;
const config = { secret: 'generic-secret-0123456789' };
const ts = String(now / 1000);

const signed = (payload: unknown, timestamp = ts, secret = config.secret) => {
  const body = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
  return requestOf(body, { [GENERIC_TIMESTAMP_HEADER]: timestamp, [GENERIC_SIGNATURE_HEADER]: genericSignature(secret, timestamp, body) });
};
const verify = (request: ReturnType<typeof requestOf>) => createGenericAdapter().verify(request, config, contextOf(now).context);

const bounce = {
  id: 'evt-1',
  type: 'bounce',
  email: 'Ann@Example.com',
  messageId: '<d42.abc@news.example.com>',
  at: '2026-12-05T10:00:00Z',
  bounceType: 'hard',
  reason: 'userunknown',
  status: '5.1.1',
  diagnostic: '550 5.1.1 no such user',
};

test('HMAC-SHA256 of timestamp, dot and body verifies', async () => {
  const { notices } = await verify(signed({ events: [bounce] }));
  expect(notices).toEqual([
    {
      source: 'webhook',
      origin: 'generic',
      reference: 'evt-1',
      kind: 'bounce',
      at: Date.parse('2026-12-05T10:00:00Z'),
      feedbackType: null,
      match: { messageIds: ['<d42.abc@news.example.com>'] },
      recipients: [
        { email: 'ann@example.com', bounceType: 'hard', reason: 'userunknown', status: '5.1.1', diagnostic: '550 5.1.1 no such user' },
      ],
      raw: JSON.stringify({ events: [bounce] }),
    },
  ]);
});

test('unsigned, wrong secret, altered body, old and future timestamps are refused', async () => {
  await expect(verify(requestOf(JSON.stringify({ events: [bounce] })))).rejects.toThrow(
    `the ${GENERIC_TIMESTAMP_HEADER} header is missing`
  );
  await expect(verify(signed({ events: [bounce] }, ts, 'another-secret-0123456789'))).rejects.toThrow('does not match');
  const genuine = signed({ events: [bounce] });
  const altered = requestOf(JSON.stringify({ events: [{ ...bounce, email: 'bob@example.com' }] }), {
    [GENERIC_TIMESTAMP_HEADER]: ts,
    [GENERIC_SIGNATURE_HEADER]: genuine.header(GENERIC_SIGNATURE_HEADER)!,
  });
  await expect(verify(altered)).rejects.toThrow(RequestRefused);
  await expect(verify(signed({ events: [bounce] }, String(now / 1000 - 3600)))).rejects.toThrow('3600 s old');
  await expect(verify(signed({ events: [bounce] }, String(now / 1000 + 3600)))).rejects.toThrow('in the future');
});

test('a signed body that is not the format is a 400 naming the field', async () => {
  await expect(verify(signed('{"events": ['))).rejects.toThrow(MalformedPayload);
  await expect(verify(signed({ events: [{ ...bounce, reason: 'dead' }] }))).rejects.toThrow('events.0.reason');
  await expect(verify(signed({ events: [{ ...bounce, status: '550' }] }))).rejects.toThrow('an enhanced status code');
  await expect(verify(signed({ events: [{ ...bounce, email: 'not an address' }] }))).rejects.toThrow('events.0.email');
  await expect(verify(signed({ events: [bounce], extra: 1 }))).rejects.toThrow(MalformedPayload);
});

test('every type, and a bounce without a type of bounce is undetermined', async () => {
  const events = ['complaint', 'delivered', 'open', 'unsubscribe', 'auto-reply', 'reply'].map((type, i) => ({
    id: `e${i}`,
    type,
    email: 'ann@example.com',
  }));
  const { notices } = await verify(signed({ events: [...events, { id: 'b', type: 'bounce', email: 'ann@example.com', at: now - 1 }] }));
  expect(notices.map((n) => n.kind)).toEqual(['complaint', 'delivered', 'open', 'unsubscribe-request', 'auto-reply', 'reply', 'bounce']);
  expect(notices.at(-1)).toMatchObject({ at: now - 1, recipients: [{ bounceType: 'undetermined', reason: null }] });
});
