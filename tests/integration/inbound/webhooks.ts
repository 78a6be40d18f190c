import {
  GENERIC_SIGNATURE_HEADER,
  GENERIC_TIMESTAMP_HEADER,
  genericSignature,
} from '../../../server/src/features/inbound/webhooks/generic';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../../server/src/features/inbound/webhooks/sendgrid';
import { WEBHOOK_MAX_BYTES } from '../../../server/src/features/inbound/webhooks/service';
import {
  CERT_URL,
  mailgunBody,
  sesNotification,
  signSendgrid,
  signSns,
  snsSigner,
  TOPIC,
} from '../../../server/src/features/inbound/webhooks/__tests__/signers';
import { INBOUND_SECRETS, SENDGRID_KEYS } from '../../helpers/inbound';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';

/**
 * ESP webhooks through the real app: real HTTP requests, verified against their raw bodies, into
 * the pipeline, after a real campaign went to the group's SMTP sink. What is asserted is what the
 * database holds afterwards. AWS cannot run here: the SNS signing certificate comes from a stub of
 * `fetch` in this process, which is where the app runs (its URL checks are the real ones).
 */
const { strapi, service, api } = useGroupApp();

const knex = () => strapi().db.connection;
const WEBHOOKS = '/api/campaigns/inbound/webhooks';
const sns = snsSigner();

const people = ['ann', 'bob', 'cat', 'dan', 'eve'].map((name) => ({ email: `${name}@webhooks.test`, firstName: name }));
/** Each recipient's delivery: id and the Message-ID it went out with. */
const sent: Record<string, { id: number; messageId: string; contactId: number }> = {};

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

const generic = (events: object[], timestamp = nowSeconds(), secret: string = INBOUND_SECRETS.generic) => {
  const body = JSON.stringify({ events });
  return api()
    .post(`${WEBHOOKS}/generic`)
    .set('Content-Type', 'application/json')
    .set(GENERIC_TIMESTAMP_HEADER, timestamp)
    .set(GENERIC_SIGNATURE_HEADER, genericSignature(secret, timestamp, Buffer.from(body)))
    .send(body);
};

const noticeRows = (where: Record<string, string> = {}) => knex()('campaigns_inbound_notices').where(where).orderBy('id');
const suppressions = (where: Record<string, string> = {}) =>
  knex()('campaigns_suppressions').where(where).select('email', 'reason').orderBy('id');
const contactState = async (email: string) => (await knex()('campaigns_contacts').where({ email }).first()).state;
const eventsOf = (deliveryId: number) =>
  knex()('campaigns_events').where({ delivery_id: deliveryId }).select('type', 'source').orderBy('id');
/** Everything inbound may change, to compare before and after a request that must change nothing. */
const snapshot = async () => ({
  notices: await noticeRows(),
  suppressions: await suppressions(),
  events: await knex()('campaigns_events').select('id'),
  contacts: await knex()('campaigns_contacts').select('email', 'state').orderBy('email'),
});

beforeAll(async () => {
  const campaign = await seedCampaign(strapi(), 'Webhooks', people);
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  for (const row of await knex()('campaigns_deliveries').whereIn(
    'email',
    people.map((p) => p.email)
  )) {
    sent[row.email] = { id: Number(row.id), messageId: row.message_id, contactId: Number(row.contact_id) };
  }
  expect(Object.keys(sent)).toHaveLength(people.length);
});

afterEach(() => jest.restoreAllMocks());

describe('refused before anything is read into state', () => {
  test('an unconfigured provider, and a route whose credential is not configured, answer 404 and read nothing', async () => {
    for (const path of [`${WEBHOOKS}/brevo`, `${WEBHOOKS}/postmark`]) {
      const res = await api().post(path).set('Content-Type', 'application/json').set('Authorization', 'Bearer whatever').send('[]');
      expect([res.status, res.text, res.headers['content-type']]).toEqual([404, 'Not Found', 'text/plain; charset=utf-8']);
    }
  });

  test('unsigned, wrongly signed, stale and re-timestamped requests get 401 saying why, and change nothing', async () => {
    const before = await snapshot();
    const event = { id: 'refused-1', type: 'bounce', email: people[0]!.email, bounceType: 'hard' };
    const unsigned = await api()
      .post(`${WEBHOOKS}/generic`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ events: [event] }));
    expect([unsigned.status, unsigned.body.error.message]).toEqual([401, `the ${GENERIC_TIMESTAMP_HEADER} header is missing`]);
    const wrong = await generic([event], nowSeconds(), 'not-the-generic-secret-000');
    expect([wrong.status, wrong.body.error.message]).toEqual([
      401,
      `the ${GENERIC_SIGNATURE_HEADER} signature does not match the timestamp and body`,
    ]);
    const stale = await generic([event], String(Math.floor(Date.now() / 1000) - 3600));
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toMatch(/timestamp is \d+ s old: at most 300 s/);
    const sgBody = JSON.stringify([{ email: people[0]!.email, event: 'spamreport', sg_event_id: 'sg-refused', timestamp: 1 }]);
    const signedThen = String(Math.floor(Date.now() / 1000) - 10);
    const moved = await api()
      .post(`${WEBHOOKS}/sendgrid`)
      .set('Content-Type', 'application/json')
      .set(TIMESTAMP_HEADER, nowSeconds())
      .set(SIGNATURE_HEADER, signSendgrid(SENDGRID_KEYS.privateKey, signedThen, sgBody))
      .send(sgBody);
    expect([moved.status, moved.body.error.message]).toEqual([
      401,
      `the ${SIGNATURE_HEADER} signature does not match the timestamp and body`,
    ]);
    const badToken = await api()
      .post(`${WEBHOOKS}/postmark/not-the-token`)
      .set('Content-Type', 'application/json')
      .send('{"RecordType":"Bounce"}');
    expect(badToken.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  test('the signature is checked over the exact bytes sent, whatever their Content-Type', async () => {
    // Escapes, spacing and key order a parser would not give back: only the raw bytes verify.
    const body = `{ "events" : [ {"email":"nobody@elsewhere.test", "type":"delivered", "id":"bytes-\\u00e9-1"} ]\r\n}`;
    for (const type of ['application/json', 'text/plain; charset=UTF-8']) {
      const timestamp = nowSeconds();
      const res = await api()
        .post(`${WEBHOOKS}/generic`)
        .set('Content-Type', type)
        .set(GENERIC_TIMESTAMP_HEADER, timestamp)
        .set(GENERIC_SIGNATURE_HEADER, genericSignature(INBOUND_SECRETS.generic, timestamp, Buffer.from(body)))
        .send(body);
      expect([res.status, res.body.data.notices]).toEqual([200, 1]);
    }
    expect((await noticeRows()).map((row) => [row.origin, row.action, row.email])).toEqual([
      ['generic', 'unmatched', 'nobody@elsewhere.test'],
    ]);
  });

  test('malformed JSON, correctly signed, is a 400 that says what is wrong', async () => {
    const before = await snapshot();
    const timestamp = nowSeconds();
    const body = '{"events": [ {"id": "x", ';
    const res = await api()
      .post(`${WEBHOOKS}/generic`)
      .set('Content-Type', 'application/json')
      .set(GENERIC_TIMESTAMP_HEADER, timestamp)
      .set(GENERIC_SIGNATURE_HEADER, genericSignature(INBOUND_SECRETS.generic, timestamp, Buffer.from(body)))
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^the body is not valid JSON/);
    const wrongShape = await generic([{ id: 'x', type: 'bounce', email: 'ann@webhooks.test', reason: 'gone' }]);
    expect([wrongShape.status, wrongShape.body.error.message]).toEqual([400, expect.stringMatching(/^events\.0\.reason: /)]);
    expect(await snapshot()).toEqual(before);
  });

  test('a body over the cap gets 413 before it is read', async () => {
    const res = await api()
      .post(`${WEBHOOKS}/generic`)
      .set('Content-Type', 'application/json')
      .send(Buffer.alloc(WEBHOOK_MAX_BYTES + 1, 0x20));
    expect([res.status, res.body.error?.name]).toEqual([413, 'PayloadTooLargeError']);
  });
});

describe('events applied through the pipeline', () => {
  test('a bounce for an address never mailed is kept unmatched and suppresses nothing', async () => {
    const res = await generic([
      { id: 'stranger-1', type: 'bounce', email: 'Stranger@Nowhere.test', bounceType: 'hard', reason: 'userunknown', status: '5.1.1' },
    ]);
    expect(res.body.data).toEqual({ notices: 1, applied: 1, repeats: 0 });
    expect(
      (await noticeRows({ email: 'stranger@nowhere.test' })).map((r) => [r.email, r.action, r.delivery_id, r.kind, r.bounce_type])
    ).toEqual([['stranger@nowhere.test', 'unmatched', null, 'bounce', 'hard']]);
    expect(await suppressions({ email: 'stranger@nowhere.test' })).toEqual([]);
  });

  test('SES through SNS: a subscription is confirmed, a hard bounce suppresses and marks the contact, a replay changes nothing', async () => {
    const subscribeUrl = 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=x&Token=t1';
    const fetched: string[] = [];
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = String(input);
      fetched.push(url);
      return new Response(url === CERT_URL ? sns.certificate : '<ConfirmSubscriptionResponse/>', { status: 200 });
    });
    const confirmation = signSns(sns.key, {
      Type: 'SubscriptionConfirmation',
      MessageId: 'confirm-1',
      Token: 't1',
      TopicArn: TOPIC,
      Message: 'You have chosen to subscribe',
      SubscribeURL: subscribeUrl,
      Timestamp: new Date().toISOString(),
    });
    const confirmed = await api()
      .post(`${WEBHOOKS}/ses`)
      .set('Content-Type', 'text/plain; charset=UTF-8')
      .send(JSON.stringify(confirmation));
    expect([confirmed.status, confirmed.body.data]).toEqual([200, { notices: 0, applied: 0, repeats: 0, subscriptionConfirmed: true }]);
    expect(fetched).toContain(subscribeUrl);

    const ann = sent[people[0]!.email]!;
    const bounce = sesNotification(sns.key, {
      notificationType: 'Bounce',
      mail: { destination: [people[0]!.email], commonHeaders: { messageId: ann.messageId } },
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: people[0]!.email, status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
      },
    });
    const post = () => api().post(`${WEBHOOKS}/ses`).set('Content-Type', 'text/plain; charset=UTF-8').send(JSON.stringify(bounce));
    expect((await post()).body.data).toEqual({ notices: 1, applied: 1, repeats: 0 });
    const [row] = await noticeRows({ origin: 'ses' });
    expect(row).toMatchObject({
      origin: 'ses',
      kind: 'bounce',
      bounce_type: 'hard',
      reason: 'userunknown',
      status: '5.1.1',
      matched_by: 'message-id',
      action: 'suppressed',
    });
    expect(Number(row.delivery_id)).toBe(ann.id);
    expect(await suppressions({ email: people[0]!.email })).toEqual([{ email: people[0]!.email, reason: 'hard-bounce' }]);
    expect(await contactState(people[0]!.email)).toBe('bounced');
    expect(await eventsOf(ann.id)).toContainEqual({ type: 'bounce', source: 'webhook' });

    const before = await snapshot();
    expect((await post()).body.data).toEqual({ notices: 1, applied: 0, repeats: 1 });
    expect(await snapshot()).toEqual(before);
  });

  test('SNS messages whose certificate is on a foreign host or plain http are refused without a fetch', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    for (const url of ['http://sns.eu-west-1.amazonaws.com/cert.pem', 'https://sns.eu-west-1.amazonaws.com.evil.test/cert.pem']) {
      const forged = signSns(sns.key, {
        Type: 'Notification',
        MessageId: `forged-${url}`,
        TopicArn: TOPIC,
        Message: '{}',
        Timestamp: new Date().toISOString(),
        SigningCertURL: url,
      });
      const res = await api().post(`${WEBHOOKS}/ses`).set('Content-Type', 'text/plain').send(JSON.stringify(forged));
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/^SigningCertURL must be/);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test('SendGrid: a spam report marks the contact complained and suppresses the address; the same batch again changes nothing', async () => {
    const bob = sent[people[1]!.email]!;
    const body = JSON.stringify([
      {
        email: people[1]!.email,
        event: 'delivered',
        sg_event_id: 'sg-d-1',
        'smtp-id': bob.messageId,
        timestamp: Math.floor(Date.now() / 1000),
      },
      {
        email: people[1]!.email,
        event: 'spamreport',
        sg_event_id: 'sg-s-1',
        'smtp-id': bob.messageId,
        timestamp: Math.floor(Date.now() / 1000),
      },
    ]);
    const post = () => {
      const timestamp = nowSeconds();
      return api()
        .post(`${WEBHOOKS}/sendgrid`)
        .set('Content-Type', 'application/json')
        .set(TIMESTAMP_HEADER, timestamp)
        .set(SIGNATURE_HEADER, signSendgrid(SENDGRID_KEYS.privateKey, timestamp, body))
        .send(body);
    };
    expect((await post()).body.data).toEqual({ notices: 2, applied: 2, repeats: 0 });
    expect((await noticeRows({ origin: 'sendgrid' })).map((r) => [r.kind, r.action, Number(r.delivery_id)])).toEqual([
      ['delivered', 'recorded', bob.id],
      ['complaint', 'complained', bob.id],
    ]);
    expect(await suppressions({ email: people[1]!.email })).toEqual([{ email: people[1]!.email, reason: 'complaint' }]);
    expect(await contactState(people[1]!.email)).toBe('complained');
    expect((await eventsOf(bob.id)).map((e) => e.type)).toEqual(expect.arrayContaining(['delivered', 'complaint']));

    const before = await snapshot();
    expect((await post()).body.data).toEqual({ notices: 2, applied: 0, repeats: 2 });
    expect(await snapshot()).toEqual(before);
  });

  test('Mailgun: an open is recorded; the same signed request again is refused as a replay', async () => {
    const cat = sent[people[2]!.email]!;
    const body = mailgunBody(INBOUND_SECRETS.mailgun, Math.floor(Date.now() / 1000), `token-${Date.now()}`, {
      id: 'mg-open-1',
      event: 'opened',
      timestamp: Date.now() / 1000,
      recipient: people[2]!.email,
      message: { headers: { 'message-id': cat.messageId.slice(1, -1) } },
    });
    const post = () => api().post(`${WEBHOOKS}/mailgun`).set('Content-Type', 'application/json').send(body);
    expect((await post()).body.data).toEqual({ notices: 1, applied: 1, repeats: 0 });
    expect(await eventsOf(cat.id)).toContainEqual({ type: 'open', source: 'webhook' });
    const before = await snapshot();
    const replay = await post();
    expect([replay.status, replay.body.error.message]).toEqual([401, 'signature.token was used before: a replay']);
    expect(await snapshot()).toEqual(before);
  });

  test('Postmark on its token path: a soft bounce is counted, not suppressed', async () => {
    const record = {
      RecordType: 'Bounce',
      ID: 7001,
      Type: 'SoftBounce',
      MessageID: 'pm-1',
      Email: people[3]!.email,
      BouncedAt: new Date().toISOString(),
      Details: 'smtp;452 4.2.2 mailbox full',
    };
    const res = await api()
      .post(`${WEBHOOKS}/postmark/${INBOUND_SECRETS.postmarkToken}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(record));
    expect(res.body.data).toEqual({ notices: 1, applied: 1, repeats: 0 });
    expect(
      (await noticeRows({ origin: 'postmark' })).map((r) => [
        r.origin,
        r.bounce_type,
        r.reason,
        r.matched_by,
        r.action,
        Number(r.delivery_id),
      ])
    ).toEqual([['postmark', 'soft', 'mailboxfull', 'recipient', 'soft-counted', sent[people[3]!.email]!.id]]);
    expect(await suppressions({ email: people[3]!.email })).toEqual([]);
    expect(await contactState(people[3]!.email)).toBe('subscribed');
  });

  test('generic: an unsubscribe unsubscribes; the same event id, signed afresh, changes nothing', async () => {
    const eve = sent[people[4]!.email]!;
    const event = { id: 'gen-unsub-1', type: 'unsubscribe', email: people[4]!.email, messageId: eve.messageId };
    expect((await generic([event])).body.data).toEqual({ notices: 1, applied: 1, repeats: 0 });
    expect(await contactState(people[4]!.email)).toBe('unsubscribed');
    expect(await suppressions({ email: people[4]!.email })).toEqual([{ email: people[4]!.email, reason: 'unsubscribe' }]);
    const before = await snapshot();
    expect((await generic([event])).body.data).toEqual({ notices: 1, applied: 0, repeats: 1 });
    expect(await snapshot()).toEqual(before);
  });
});
