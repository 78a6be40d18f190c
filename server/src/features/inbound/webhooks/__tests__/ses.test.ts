import { createSesAdapter } from '../ses';
import { amazonSnsUrl } from '../sns';
import { MalformedPayload, RequestRefused } from '../verification';
import { CERT_URL, contextOf, requestOf, sesNotification, signSns, snsSigner, TOPIC } from './signers';

const signer = snsSigner();
const other = snsSigner();
const config = { topicArns: [TOPIC] };
const now = Date.now();

const bounceEvent = (bounce: object) => ({
  notificationType: 'Bounce',
  mail: {
    destination: ['Ann@Example.com'],
    headers: [{ name: 'Message-ID', value: '<d42.abc@news.example.com>' }],
    commonHeaders: { messageId: '<d42.abc@news.example.com>' },
  },
  bounce: { timestamp: '2026-12-05T09:59:58.000Z', ...bounce },
});

const receive = (message: object, pages: Record<string, string> = { [CERT_URL]: signer.certificate }) => {
  const { context, fetched } = contextOf(now, pages);
  return { result: createSesAdapter().verify(requestOf(JSON.stringify(message)), config, context), fetched };
};

describe('the SNS certificate and subscription URLs', () => {
  test.each([
    ['http://sns.us-east-1.amazonaws.com/cert.pem', 'must be https'],
    ['https://sns.evil.com/cert.pem', 'sns.<region>.amazonaws.com'],
    ['https://sns.us-east-1.amazonaws.com.evil.com/cert.pem', 'sns.<region>.amazonaws.com'],
    ['https://evil.com/sns.us-east-1.amazonaws.com/cert.pem', 'sns.<region>.amazonaws.com'],
    ['https://s3.us-east-1.amazonaws.com/cert.pem', 'sns.<region>.amazonaws.com'],
    ['https://sns.us-east-1.amazonaws.com:8443/cert.pem', 'sns.<region>.amazonaws.com'],
    ['https://user:pw@sns.us-east-1.amazonaws.com/cert.pem', 'sns.<region>.amazonaws.com'],
    ['not a url', 'is not a URL'],
  ])('%s is refused', (url, why) => {
    expect(() => amazonSnsUrl(url, 'SigningCertURL')).toThrow(RequestRefused);
    expect(() => amazonSnsUrl(url, 'SigningCertURL')).toThrow(why);
  });

  test.each([
    'https://sns.us-east-1.amazonaws.com/x.pem',
    'https://sns.cn-north-1.amazonaws.com.cn/x.pem',
    'https://sns.us-gov-west-1.amazonaws.com/x.pem',
  ])('%s is SNS', (url) => expect(amazonSnsUrl(url, 'SigningCertURL').href).toBe(url));

  test('a certificate on a foreign host is never fetched', async () => {
    const message = signSns(signer.key, {
      Type: 'Notification',
      MessageId: 'm',
      TopicArn: TOPIC,
      Message: '{}',
      Timestamp: '2026-12-05T10:00:00.000Z',
      SigningCertURL: 'https://sns.us-east-1.amazonaws.com.evil.com/cert.pem',
    });
    const { result, fetched } = receive(message, { 'https://sns.us-east-1.amazonaws.com.evil.com/cert.pem': signer.certificate });
    await expect(result).rejects.toThrow('sns.<region>.amazonaws.com');
    expect(fetched).toEqual([]);
  });

  test('a certificate URL that does not name a .pem file is refused', async () => {
    const message = { ...sesNotification(signer.key, {}), SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/cert.txt' };
    await expect(receive(message).result).rejects.toThrow('.pem');
  });
});

describe('the SNS signature', () => {
  test.each(['1', '2'] as const)('SignatureVersion %s verifies over the string to sign', async (version) => {
    const { notices } = await receive(
      sesNotification(
        signer.key,
        bounceEvent({ bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'ann@example.com' }] }),
        'm1',
        version
      )
    ).result;
    expect(notices).toHaveLength(1);
  });

  test('a changed message, a message signed by another key and an unsigned one are refused', async () => {
    const signed = sesNotification(signer.key, {});
    await expect(receive({ ...signed, Message: '{"notificationType":"Complaint"}' }).result).rejects.toThrow('does not match');
    await expect(receive({ ...signed, Subject: 'added' }).result).rejects.toThrow('does not match');
    await expect(receive(sesNotification(other.key, {})).result).rejects.toThrow('does not match');
    const { Signature: _signature, ...unsigned } = signed;
    await expect(receive(unsigned).result).rejects.toThrow(RequestRefused);
  });

  test('a certificate past its validity is refused', async () => {
    const { context } = contextOf(now + 400 * 86_400_000, { [CERT_URL]: signer.certificate });
    await expect(createSesAdapter().verify(requestOf(JSON.stringify(sesNotification(signer.key, {}))), config, context)).rejects.toThrow(
      'not valid now'
    );
  });

  test('each certificate URL is fetched once; a failed fetch is tried again next time', async () => {
    const adapter = createSesAdapter();
    const down = contextOf(now, {});
    await expect(adapter.verify(requestOf(JSON.stringify(sesNotification(signer.key, {}))), config, down.context)).rejects.toThrow(
      'could not be fetched'
    );
    const up = contextOf(now, { [CERT_URL]: signer.certificate });
    for (const id of ['a', 'b', 'c'])
      await adapter.verify(requestOf(JSON.stringify(sesNotification(signer.key, {}, id))), config, up.context);
    expect(up.fetched).toEqual([CERT_URL]);
  });

  test('a body that is not JSON is a 400, not something to verify', async () => {
    const { context } = contextOf(now);
    await expect(createSesAdapter().verify(requestOf('{"Type":'), config, context)).rejects.toThrow(MalformedPayload);
  });
});

describe('topics and subscriptions', () => {
  const confirmation = (fields: Partial<{ TopicArn: string; SubscribeURL: string }> = {}) =>
    signSns(signer.key, {
      Type: 'SubscriptionConfirmation',
      MessageId: 'c1',
      Token: 'token-1',
      TopicArn: TOPIC,
      Message: 'You have chosen to subscribe',
      SubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=token-1',
      Timestamp: '2026-12-05T10:00:00.000Z',
      ...fields,
    });

  test('a verified confirmation of an allowed topic asks for its SubscribeURL', async () => {
    expect(await receive(confirmation()).result).toEqual({
      notices: [],
      subscribeUrl: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=token-1',
    });
  });

  test('a topic not on the allow-list is refused, confirmation or notification', async () => {
    await expect(receive(confirmation({ TopicArn: 'arn:aws:sns:eu-west-1:999999999999:other' })).result).rejects.toThrow(
      'not among webhooks.ses.topicArns'
    );
    const foreign = signSns(signer.key, {
      Type: 'Notification',
      MessageId: 'n',
      TopicArn: 'arn:aws:sns:eu-west-1:999999999999:other',
      Message: '{}',
      Timestamp: 'x',
    });
    await expect(receive(foreign).result).rejects.toThrow('not among webhooks.ses.topicArns');
  });

  test('a SubscribeURL off SNS is never confirmed', async () => {
    await expect(receive(confirmation({ SubscribeURL: 'https://evil.example/confirm' })).result).rejects.toThrow(
      'SubscribeURL must be on an sns.<region>.amazonaws.com host'
    );
  });
});

describe('SES events', () => {
  const notices = async (event: object) => (await receive(sesNotification(signer.key, event, 'sns-42')).result).notices;

  test('a permanent bounce: hard, per recipient, named by the SNS MessageId, matched by our Message-ID', async () => {
    const [notice] = await notices(
      bounceEvent({
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [
          { emailAddress: 'Ann@Example.com', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1   user unknown' },
          { emailAddress: 'bob@example.com', status: '5.2.1', diagnosticCode: 'smtp; 550 5.2.1 account disabled' },
        ],
      })
    );
    expect(notice).toMatchObject({
      source: 'webhook',
      origin: 'ses',
      reference: 'sns-42',
      kind: 'bounce',
      at: Date.parse('2026-12-05T09:59:58.000Z'),
      match: { messageIds: ['<d42.abc@news.example.com>'] },
      recipients: [
        {
          email: 'ann@example.com',
          bounceType: 'hard',
          reason: 'userunknown',
          status: '5.1.1',
          diagnostic: 'smtp; 550 5.1.1 user unknown',
        },
        { email: 'bob@example.com', bounceType: 'hard', reason: 'suspend', status: '5.2.1' },
      ],
    });
    expect(notice!.raw).toContain('"MessageId":"sns-42"');
  });

  test.each([
    ['Permanent', 'NoEmail', undefined, 'hard', 'userunknown'],
    ['Permanent', 'Suppressed', undefined, 'hard', 'rejected'],
    ['Transient', 'MailboxFull', '4.2.2', 'soft', 'mailboxfull'],
    ['Transient', 'MessageTooLarge', undefined, 'soft', 'mesgtoobig'],
    ['Transient', 'General', undefined, 'soft', 'undefined'],
    ['Undetermined', 'Undetermined', undefined, 'undetermined', 'undefined'],
  ])('%s/%s (status %s) is a %s bounce, %s', async (bounceType, bounceSubType, status, type, reason) => {
    const [notice] = await notices(
      bounceEvent({ bounceType, bounceSubType, bouncedRecipients: [{ emailAddress: 'ann@example.com', status }] })
    );
    expect(notice!.recipients[0]).toMatchObject({ bounceType: type, reason });
  });

  test('a complaint, with its feedback type; event publishing spells the type eventType', async () => {
    const [notice] = await notices({
      eventType: 'Complaint',
      mail: { destination: ['ann@example.com'], commonHeaders: { messageId: '<d42.abc@news.example.com>' } },
      complaint: {
        complainedRecipients: [{ emailAddress: 'ann@example.com' }],
        complaintFeedbackType: 'abuse',
        timestamp: '2026-12-05T11:00:00Z',
      },
    });
    expect(notice).toMatchObject({
      kind: 'complaint',
      feedbackType: 'abuse',
      recipients: [{ email: 'ann@example.com', reason: 'feedback', bounceType: null }],
    });
  });

  test('a delivery and an open', async () => {
    const mail = { destination: ['ann@example.com'], commonHeaders: { messageId: '<d42.abc@news.example.com>' } };
    const [delivered] = await notices({
      eventType: 'Delivery',
      mail,
      delivery: { recipients: ['ann@example.com'], smtpResponse: '250 2.0.0 OK', timestamp: '2026-12-05T10:00:01Z' },
    });
    expect(delivered).toMatchObject({
      kind: 'delivered',
      recipients: [{ email: 'ann@example.com', reason: 'delivered', diagnostic: '250 2.0.0 OK' }],
    });
    const [open] = await notices({ eventType: 'Open', mail, open: { timestamp: '2026-12-05T12:00:00Z' } });
    expect(open).toMatchObject({ kind: 'open', at: Date.parse('2026-12-05T12:00:00Z'), recipients: [{ email: 'ann@example.com' }] });
  });

  test('events that are nothing for the pipeline make no notice', async () => {
    expect(await notices({ eventType: 'Send', mail: { destination: ['ann@example.com'] } })).toEqual([]);
  });

  test('a verified notification whose Message is not an SES event is a 400', async () => {
    await expect(receive(sesNotification(signer.key, 'not an object' as unknown as object)).result).rejects.toThrow(MalformedPayload);
    await expect(receive(sesNotification(signer.key, { notificationType: 'Bounce', mail: {} })).result).rejects.toThrow(
      'without its bounce object'
    );
    const notJson = signSns(signer.key, { Type: 'Notification', MessageId: 'x', TopicArn: TOPIC, Message: '{oops', Timestamp: 't' });
    await expect(receive(notJson).result).rejects.toThrow('not valid JSON');
  });
});
