import { createMailgunAdapter } from '../mailgun';
import { MalformedPayload, RequestRefused } from '../verification';
import { contextOf, mailgunBody, requestOf } from './signers';

const config = { signingKey: 'key-0123456789abcdef0123' };
const now = 1_780_000_000_000;
const seconds = now / 1000;

const eventData = (fields: object) => ({
  id: 'mg-1',
  timestamp: seconds - 2,
  recipient: 'Ann@Example.com',
  message: { headers: { 'message-id': 'd42.abc@news.example.com' } },
  ...fields,
});

describe('Mailgun signature', () => {
  test('HMAC of timestamp and token verifies; the token is claimed', async () => {
    const { context, claimed } = contextOf(now);
    const result = await createMailgunAdapter().verify(
      requestOf(mailgunBody(config.signingKey, seconds, 'tok-1', eventData({ event: 'delivered' }))),
      config,
      context
    );
    expect(result.notices).toHaveLength(1);
    expect(result.claimed).toBe('mailgun:tok-1');
    expect([...claimed]).toEqual(['mailgun:tok-1']);
  });

  test('no signature block, a wrong key, a changed token and a changed timestamp are refused', async () => {
    const verify = (body: string) => createMailgunAdapter().verify(requestOf(body), config, contextOf(now).context);
    await expect(verify(JSON.stringify({ 'event-data': eventData({ event: 'failed' }) }))).rejects.toThrow('no signature block');
    await expect(verify(mailgunBody('another-signing-key-000000', seconds, 'tok', eventData({ event: 'failed' })))).rejects.toThrow(
      'does not match'
    );
    const genuine = JSON.parse(mailgunBody(config.signingKey, seconds, 'tok', eventData({ event: 'failed' })));
    await expect(verify(JSON.stringify({ ...genuine, signature: { ...genuine.signature, token: 'tok2' } }))).rejects.toThrow(
      'does not match'
    );
    await expect(
      verify(JSON.stringify({ ...genuine, signature: { ...genuine.signature, timestamp: String(seconds + 1) } }))
    ).rejects.toThrow(RequestRefused);
  });

  test('a replayed token is refused, and so is an old timestamp', async () => {
    const { context } = contextOf(now);
    const adapter = createMailgunAdapter();
    const body = mailgunBody(config.signingKey, seconds, 'tok-once', eventData({ event: 'opened' }));
    await adapter.verify(requestOf(body), config, context);
    await expect(adapter.verify(requestOf(body), config, context)).rejects.toThrow('used before');
    await expect(
      adapter.verify(requestOf(mailgunBody(config.signingKey, seconds - 600, 'tok-old', eventData({ event: 'opened' }))), config, context)
    ).rejects.toThrow('600 s old');
  });

  test('malformed JSON is a 400; signed event data without a recipient too, and its token stays unclaimed', async () => {
    const { context, claimed } = contextOf(now);
    await expect(createMailgunAdapter().verify(requestOf('{"signature":'), config, context)).rejects.toThrow(MalformedPayload);
    const body = mailgunBody(config.signingKey, seconds, 'tok-2', { id: 'x', event: 'failed' });
    await expect(createMailgunAdapter().verify(requestOf(body), config, context)).rejects.toThrow('event-data.recipient');
    expect(claimed.size).toBe(0);
  });
});

describe('Mailgun events', () => {
  const notice = async (fields: object) =>
    (
      await createMailgunAdapter().verify(
        requestOf(mailgunBody(config.signingKey, seconds, `tok-${Math.random()}`, eventData(fields))),
        config,
        contextOf(now).context
      )
    ).notices[0];

  test('a permanent failure: hard, reason from the enhanced code, matched by the message-id header', async () => {
    expect(
      await notice({
        event: 'failed',
        severity: 'permanent',
        reason: 'bounce',
        'delivery-status': { code: 550, 'enhanced-code': '5.1.1', message: '550 5.1.1 No such user', description: '' },
      })
    ).toMatchObject({
      origin: 'mailgun',
      reference: 'mg-1',
      kind: 'bounce',
      at: now - 2000,
      match: { messageIds: ['<d42.abc@news.example.com>'] },
      recipients: [
        { email: 'ann@example.com', bounceType: 'hard', reason: 'userunknown', status: '5.1.1', diagnostic: '550 5.1.1 No such user' },
      ],
    });
  });

  test.each([
    [
      { event: 'failed', severity: 'temporary', reason: 'generic', 'delivery-status': { message: '452 4.2.2 Mailbox full' } },
      'bounce',
      'soft',
      'mailboxfull',
    ],
    [{ event: 'failed', severity: 'temporary', reason: 'espblock' }, 'bounce', 'soft', 'blocked'],
    [{ event: 'failed', severity: 'permanent', reason: 'suppress-bounce' }, 'bounce', 'hard', 'rejected'],
    [{ event: 'failed', severity: 'permanent', reason: 'suppress-complaint' }, 'complaint', null, 'feedback'],
    [{ event: 'failed', severity: 'permanent', reason: 'suppress-unsubscribe' }, 'unsubscribe-request', null, null],
    [{ event: 'complained' }, 'complaint', null, 'feedback'],
    [{ event: 'unsubscribed' }, 'unsubscribe-request', null, null],
    [{ event: 'delivered', 'delivery-status': { message: 'OK', code: 250 } }, 'delivered', null, 'delivered'],
    [{ event: 'opened' }, 'open', null, null],
  ])('%o is %s (%s, %s)', async (fields, kind, bounceType, reason) => {
    expect(await notice(fields)).toMatchObject({ kind, recipients: [{ bounceType, reason }] });
  });

  test('accepted and clicked make no notice', async () => {
    expect(await notice({ event: 'accepted' })).toBeUndefined();
    expect(await notice({ event: 'clicked' })).toBeUndefined();
  });
});
