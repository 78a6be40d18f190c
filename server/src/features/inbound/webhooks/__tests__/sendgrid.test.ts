import { createSendgridAdapter, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../sendgrid';
import { MalformedPayload, RequestRefused } from '../verification';
import { contextOf, requestOf, sendgridKeys, signSendgrid } from './signers';

const keys = sendgridKeys();
const config = { publicKey: keys.publicKey };
const now = 1_780_000_000_000;
const timestamp = String(now / 1000);

const signed = (events: unknown, at = timestamp, privateKey = keys.privateKey) => {
  const body = JSON.stringify(events);
  return requestOf(body, { [TIMESTAMP_HEADER]: at, [SIGNATURE_HEADER]: signSendgrid(privateKey, at, body) });
};
const verify = (request: ReturnType<typeof requestOf>) => createSendgridAdapter().verify(request, config, contextOf(now).context);

const event = (fields: object) => ({
  email: 'Ann@Example.com',
  timestamp: now / 1000 - 5,
  'smtp-id': '<d42.abc@news.example.com>',
  sg_event_id: 'sg-1',
  ...fields,
});

describe('SendGrid signature', () => {
  test('ECDSA over timestamp and body verifies', async () => {
    expect((await verify(signed([event({ event: 'delivered' })]))).notices).toHaveLength(1);
  });

  test('unsigned, wrongly signed, re-timestamped and altered requests are refused', async () => {
    const body = JSON.stringify([event({ event: 'bounce' })]);
    await expect(verify(requestOf(body))).rejects.toThrow(`the ${SIGNATURE_HEADER} header is missing`);
    await expect(verify(signed([event({ event: 'bounce' })], timestamp, sendgridKeys().privateKey))).rejects.toThrow('does not match');
    const genuine = signed([event({ event: 'bounce' })]);
    await expect(
      verify(requestOf(body, { [TIMESTAMP_HEADER]: String(now / 1000 + 1), [SIGNATURE_HEADER]: genuine.header(SIGNATURE_HEADER)! }))
    ).rejects.toThrow('does not match');
    await expect(
      verify(requestOf(`${body} `, { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: genuine.header(SIGNATURE_HEADER)! }))
    ).rejects.toThrow('does not match');
    await expect(verify(requestOf(body, { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: 'bm90IGRlcg==' }))).rejects.toThrow(
      RequestRefused
    );
  });

  test('a timestamp older or further ahead than maxAgeSeconds is refused, even correctly signed', async () => {
    await expect(verify(signed([event({ event: 'bounce' })], String(now / 1000 - 301)))).rejects.toThrow('301 s old');
    await expect(verify(signed([event({ event: 'bounce' })], String(now / 1000 + 400)))).rejects.toThrow('400 s in the future');
    await expect(verify(signed([event({ event: 'bounce' })], 'yesterday'))).rejects.toThrow('not a Unix time');
  });

  test('malformed JSON, correctly signed, is a 400 that says so', async () => {
    const body = '[{"email":';
    const request = requestOf(body, { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signSendgrid(keys.privateKey, timestamp, body) });
    await expect(verify(request)).rejects.toThrow(MalformedPayload);
    await expect(verify(signed({ not: 'an array' }))).rejects.toThrow('expected array');
  });

  test('a key that is not SendGrid’s is a configuration error, not a refusal', async () => {
    await expect(createSendgridAdapter().verify(signed([]), { publicKey: 'x'.repeat(60) }, contextOf(now).context)).rejects.toThrow(
      'webhooks.sendgrid.publicKey'
    );
  });
});

describe('SendGrid events', () => {
  const notices = async (...events: object[]) => (await verify(signed(events))).notices;

  test('a bounce: hard, its reason from the status, named by sg_event_id, matched by smtp-id', async () => {
    const [notice] = await notices(
      event({
        event: 'bounce',
        type: 'bounce',
        status: '5.1.1',
        reason: '550 5.1.1 The email account does not exist',
        bounce_classification: 'Invalid Address',
      })
    );
    expect(notice).toMatchObject({
      origin: 'sendgrid',
      reference: 'sg-1',
      kind: 'bounce',
      at: now - 5000,
      match: { messageIds: ['<d42.abc@news.example.com>'] },
      recipients: [
        {
          email: 'ann@example.com',
          bounceType: 'hard',
          reason: 'userunknown',
          status: '5.1.1',
          diagnostic: '550 5.1.1 The email account does not exist',
        },
      ],
    });
  });

  test.each([
    [{ event: 'bounce', type: 'blocked', bounce_classification: 'Reputation', reason: '554 blocked' }, 'bounce', 'soft', 'badreputation'],
    [{ event: 'bounce', type: 'bounce', bounce_classification: 'Mailbox Unavailable' }, 'bounce', 'hard', 'suspend'],
    [{ event: 'deferred', response: '450 4.2.2 mailbox full' }, 'bounce', 'soft', 'mailboxfull'],
    [{ event: 'dropped', reason: 'Bounced Address' }, 'bounce', 'hard', 'rejected'],
    [{ event: 'dropped', reason: 'Invalid' }, 'bounce', 'hard', 'syntaxerror'],
    [{ event: 'dropped', reason: 'Spam Reporting Address' }, 'complaint', null, 'feedback'],
    [{ event: 'dropped', reason: 'Unsubscribed Address' }, 'unsubscribe-request', null, null],
    [{ event: 'spamreport' }, 'complaint', null, 'feedback'],
    [{ event: 'unsubscribe' }, 'unsubscribe-request', null, null],
    [{ event: 'group_unsubscribe', asm_group_id: 3 }, 'unsubscribe-request', null, null],
    [{ event: 'delivered', response: '250 OK' }, 'delivered', null, 'delivered'],
    [{ event: 'open' }, 'open', null, null],
  ])('%o is %s (%s, %s)', async (fields, kind, bounceType, reason) => {
    const [notice] = await notices(event(fields));
    expect(notice).toMatchObject({ kind, recipients: [{ bounceType, reason }] });
  });

  test('a batch makes a notice per event that matters, all with the batch as raw', async () => {
    const batch = await notices(
      event({ event: 'processed' }),
      event({ event: 'click', url: 'https://x' }),
      event({ event: 'open', sg_event_id: 'sg-2' }),
      event({ event: 'spamreport', sg_event_id: 'sg-3' })
    );
    expect(batch.map((n) => [n.reference, n.kind])).toEqual([
      ['sg-2', 'open'],
      ['sg-3', 'complaint'],
    ]);
    expect(new Set(batch.map((n) => n.raw)).size).toBe(1);
  });
});
