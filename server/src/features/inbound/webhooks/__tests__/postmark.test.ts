import { createPostmarkAdapter } from '../postmark';
import { RequestRefused } from '../verification';
import { contextOf, requestOf } from './signers';

const now = 1_780_000_000_000;
const basic = { username: 'postmark', password: 'hook-password-1' };
const token = { token: 'path-token-0123456789abcdef' };
const adapter = createPostmarkAdapter();
const authorization = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const bounce = (fields: object) => ({
  RecordType: 'Bounce',
  ID: 692560173,
  Type: 'HardBounce',
  MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
  Email: 'Ann@Example.com',
  BouncedAt: '2026-12-05T10:00:00Z',
  Details: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.',
  ...fields,
});

describe('Postmark credentials', () => {
  const verify = (record: object, headers: Record<string, string>, pathToken?: string, config: object = { ...basic, ...token }) =>
    adapter.verify(requestOf(JSON.stringify(record), headers, pathToken), config, contextOf(now).context);

  test('Basic credentials on /postmark, the token on /postmark/<token>', async () => {
    expect((await verify(bounce({}), { Authorization: authorization(basic.username, basic.password) })).notices).toHaveLength(1);
    expect((await verify(bounce({}), {}, token.token)).notices).toHaveLength(1);
  });

  test('missing or wrong credentials and a wrong token are refused', async () => {
    await expect(verify(bounce({}), {})).rejects.toThrow('the authorization header is missing');
    await expect(verify(bounce({}), { Authorization: authorization(basic.username, 'wrong-password') })).rejects.toThrow(
      'Basic credentials are wrong'
    );
    await expect(verify(bounce({}), { Authorization: `Bearer ${basic.password}` })).rejects.toThrow('must be Basic');
    await expect(verify(bounce({}), {}, 'path-token-0123456789abcdeX')).rejects.toThrow(RequestRefused);
  });

  test('each route exists only when its credential is configured', () => {
    expect(adapter.configOf({ maxAgeSeconds: 300, postmark: token }, {})).toBeUndefined();
    expect(adapter.configOf({ maxAgeSeconds: 300, postmark: token }, { pathToken: 'x' })).toBe(token);
    expect(adapter.configOf({ maxAgeSeconds: 300, postmark: basic }, { pathToken: 'x' })).toBeUndefined();
    expect(adapter.configOf({ maxAgeSeconds: 300, postmark: basic }, {})).toBe(basic);
    expect(adapter.configOf({ maxAgeSeconds: 300 }, {})).toBeUndefined();
  });
});

describe('Postmark records', () => {
  const notice = async (record: object) =>
    (await adapter.verify(requestOf(JSON.stringify(record), {}, token.token), token, contextOf(now).context)).notices[0];

  test('a hard bounce: named by its ID, reason from the status in Details', async () => {
    expect(await notice(bounce({}))).toMatchObject({
      origin: 'postmark',
      reference: 'bounce:883953f4-6105-42a2-a16a-77a8eac79483:692560173',
      kind: 'bounce',
      at: Date.parse('2026-12-05T10:00:00Z'),
      recipients: [{ email: 'ann@example.com', bounceType: 'hard', reason: 'userunknown', status: '5.1.1' }],
    });
  });

  test.each([
    ['SoftBounce', 'smtp;452 4.2.2 mailbox full', 'bounce', 'soft', 'mailboxfull'],
    ['Transient', 'delayed', 'bounce', 'soft', 'networkerror'],
    ['DnsError', '', 'bounce', 'soft', 'hostunknown'],
    ['BadEmailAddress', '', 'bounce', 'hard', 'syntaxerror'],
    ['AddressChange', '', 'bounce', 'hard', 'hasmoved'],
    ['SpamNotification', '', 'bounce', 'soft', 'spamdetected'],
    ['Blocked', '', 'bounce', 'soft', 'blocked'],
    ['Unknown', '', 'bounce', 'undetermined', 'undefined'],
    ['SpamComplaint', '', 'complaint', null, 'feedback'],
    ['Unsubscribe', '', 'unsubscribe-request', null, null],
    ['AutoResponder', 'Out of office', 'auto-reply', null, null],
  ])('a %s bounce record is %s (%s, %s)', async (Type, Details, kind, bounceType, reason) => {
    expect(await notice(bounce({ Type, Details }))).toMatchObject({ kind, recipients: [{ bounceType, reason }] });
  });

  test('Subscribe, OpenRelayTest and ManuallyDeactivated make no notice', async () => {
    for (const Type of ['Subscribe', 'OpenRelayTest', 'ManuallyDeactivated']) expect(await notice(bounce({ Type }))).toBeUndefined();
  });

  test('complaint, delivery, open and a recipient’s own unsubscribe records', async () => {
    expect(
      await notice({
        RecordType: 'SpamComplaint',
        ID: 77,
        MessageID: 'm-1',
        Type: 'SpamComplaint',
        Email: 'ann@example.com',
        BouncedAt: '2026-12-05T10:00:00Z',
      })
    ).toMatchObject({
      reference: 'complaint:m-1:77',
      kind: 'complaint',
      feedbackType: 'abuse',
    });
    expect(
      await notice({
        RecordType: 'Delivery',
        MessageID: 'm-1',
        Recipient: 'ann@example.com',
        DeliveredAt: '2026-12-05T10:00:00Z',
        Details: '250 OK',
      })
    ).toMatchObject({
      reference: 'delivery:m-1:ann@example.com',
      kind: 'delivered',
    });
    expect(
      await notice({ RecordType: 'Open', MessageID: 'm-1', Recipient: 'ann@example.com', ReceivedAt: '2026-12-05T11:00:00Z' })
    ).toMatchObject({
      reference: 'open:m-1:ann@example.com:2026-12-05T11:00:00Z',
      kind: 'open',
    });
    const change = {
      RecordType: 'SubscriptionChange',
      MessageID: 'm-1',
      Recipient: 'ann@example.com',
      ChangedAt: '2026-12-05T12:00:00Z',
      SuppressSending: true,
    };
    expect(await notice({ ...change, SuppressionReason: 'ManualSuppression' })).toMatchObject({ kind: 'unsubscribe-request' });
    expect(await notice({ ...change, SuppressionReason: 'HardBounce' })).toBeUndefined();
    expect(await notice({ ...change, SuppressSending: false, SuppressionReason: null })).toBeUndefined();
  });

  test('a body without RecordType is a 400 naming it', async () => {
    await expect(notice({ Type: 'HardBounce' })).rejects.toThrow('RecordType');
  });
});
