import type { InboundNotice, NoticeOutcome } from '../../notice';
import { createWebhookReceiver } from '../receiver';
import { CERT_URL, mailgunBody, requestOf, signSns, snsSigner, TOPIC } from './signers';

const signingKey = 'key-0123456789abcdef0123';
// Made before `now` is read: its certificate is valid from the second openssl makes it.
const signer = snsSigner();
const now = Date.now();

const setup = (apply: (notices: readonly InboundNotice[]) => Promise<NoticeOutcome[]>, pages: Record<string, string> = {}) => {
  const claims = new Set<string>();
  const fetched: string[] = [];
  const receiver = createWebhookReceiver({
    webhooks: { maxAgeSeconds: 300, mailgun: { signingKey }, ses: { topicArns: [TOPIC] } },
    pipeline: { apply },
    claimOnce: async (key) => !claims.has(key) && Boolean(claims.add(key)),
    release: async (key) => void claims.delete(key),
    fetchText: async (url) => {
      fetched.push(url);
      return pages[url] ?? '<ConfirmSubscriptionResponse/>';
    },
    now: () => now,
  });
  return { receiver, claims, fetched };
};

const outcome = (repeat: boolean): NoticeOutcome => ({
  id: 1,
  email: 'ann@example.com',
  deliveryId: 7,
  matchedBy: 'message-id',
  action: 'recorded',
  repeat,
});
const delivered = (token: string) =>
  requestOf(mailgunBody(signingKey, Math.floor(now / 1000), token, { id: 'mg-1', event: 'delivered', recipient: 'ann@example.com' }));

test('only configured providers answer', () => {
  const { receiver } = setup(async () => []);
  expect(receiver.configured('mailgun', {})).toBe(true);
  expect(receiver.configured('sendgrid', {})).toBe(false);
  expect(receiver.configured('postmark', { pathToken: 'x' })).toBe(false);
});

test('verified notices go to the pipeline; its outcomes come back', async () => {
  const applied: InboundNotice[][] = [];
  const { receiver } = setup(async (notices) => (applied.push([...notices]), [outcome(false)]));
  expect(await receiver.receive('mailgun', delivered('t1'))).toEqual({ notices: 1, outcomes: [outcome(false)], confirmed: false });
  expect(applied.map((batch) => batch.map((n) => n.reference))).toEqual([['mg-1']]);
});

test('when the pipeline fails, the token is released so the provider’s retry is not taken for a replay', async () => {
  let fail = true;
  const { receiver, claims } = setup(async () => {
    if (fail) throw new Error('database down');
    return [outcome(false)];
  });
  await expect(receiver.receive('mailgun', delivered('t2'))).rejects.toThrow('database down');
  expect(claims.size).toBe(0);
  fail = false;
  expect((await receiver.receive('mailgun', delivered('t2'))).outcomes).toHaveLength(1);
  await expect(receiver.receive('mailgun', delivered('t2'))).rejects.toThrow('used before');
});

test('a verified SNS subscription confirmation is confirmed by GET, and nothing reaches the pipeline', async () => {
  const apply = jest.fn(async () => []);
  const { receiver, fetched } = setup(apply, { [CERT_URL]: signer.certificate });
  const subscribeUrl = 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=x&Token=abc';
  const message = signSns(signer.key, {
    Type: 'SubscriptionConfirmation',
    MessageId: 'c1',
    Token: 'abc',
    TopicArn: TOPIC,
    Message: 'confirm',
    SubscribeURL: subscribeUrl,
    Timestamp: '2026-12-05T10:00:00Z',
  });
  expect(await receiver.receive('ses', requestOf(JSON.stringify(message)))).toEqual({ notices: 0, outcomes: [], confirmed: true });
  expect(fetched).toEqual([CERT_URL, subscribeUrl]);
  expect(apply).not.toHaveBeenCalled();
});
