import { noticeKey } from '../../../server/src/features/inbound/notice-key';
import { verpAddress } from '../../../server/src/mail/verp';
import { useGroupApp } from '../../helpers/integration-group';
import { waitUntil } from '../../helpers/wait';
import { inboundNotice, sendCampaignTo } from '../../helpers/inbound';
import { hardBounce, inboundPipelineProbe } from '../../helpers/inbound-pipeline';

/**
 * The one inbound pipeline against a real app and database: a real campaign goes out to the SMTP
 * sink, then notices about its deliveries come back, and the rows they leave are read.
 */
const group = useGroupApp();
const { strapi, service, sink } = group;
const { knex, heard, pipeline, settled, count, suppressionsOf, stateOf } = inboundPipelineProbe(group);
const hard = hardBounce;

const sendTo = (name: string, emails: string[]) => sendCampaignTo(strapi(), sink(), name, emails);

const notice = inboundNotice;

const eventsOf = (deliveryId: number) => knex()('campaigns_events').where({ delivery_id: deliveryId }).orderBy('id');

/** Every row count the pipeline writes to: what a repeat must leave as it was. */
const snapshot = async () => ({
  notices: await count('campaigns_inbound_notices'),
  raw: await count('campaigns_inbound_raw'),
  events: await count('campaigns_events'),
  suppressions: await count('campaigns_suppressions'),
  states: await knex()('campaigns_contacts').select('email', 'state').orderBy('email'),
  deliveries: await knex()('campaigns_deliveries').select('id', 'state').orderBy('id'),
});

test('a hard bounce found by its VERP address suppresses the address, marks the contact bounced and fails the delivery, once', async () => {
  const sent = await sendTo('Hard bounce', ['ann@hard.test', 'ben@hard.test']);
  const ann = sent['ann@hard.test'];
  expect(ann.verp).toMatch(/^bounces\+[0-9a-z]+-[0-9a-f]{10}@example\.com$/);
  const raw = 'From: MAILER-DAEMON@mx.hard.test\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\nUser unknown\r\n';
  const dsn = notice({
    reference: '<dsn-1@mx.hard.test>',
    recipients: [hard('ann@hard.test')],
    match: { envelopeRecipients: [ann.verp] },
    raw,
  });

  const [outcome] = await pipeline().apply([dsn]);
  expect(outcome).toEqual({
    id: expect.any(Number),
    email: 'ann@hard.test',
    deliveryId: ann.id,
    matchedBy: 'verp',
    action: 'suppressed',
    repeat: false,
  });
  const key = noticeKey('imap:bounces', '<dsn-1@mx.hard.test>', 'ann@hard.test');
  const row = await knex()('campaigns_inbound_notices').where({ id: outcome.id }).first();
  expect(row).toMatchObject({
    idempotency_key: key,
    source: 'mailbox',
    kind: 'bounce',
    bounce_type: 'hard',
    reason: 'userunknown',
    status: '5.1.1',
    email: 'ann@hard.test',
    matched_by: 'verp',
    action: 'suppressed',
  });
  expect([row.delivery_id, row.campaign_id, row.contact_id].map(Number)).toEqual([ann.id, ann.campaignId, ann.contactId]);
  const stored = await knex()('campaigns_inbound_raw').where({ id: row.raw_id }).first();
  expect(stored).toMatchObject({ body: raw, size: Buffer.byteLength(raw) });
  expect(Boolean(stored.truncated)).toBe(false);

  expect(await suppressionsOf('ann@hard.test')).toEqual([{ reason: 'hard-bounce', sourceEvent: `inbound:${key}`, expiresAt: null }]);
  expect(await stateOf(ann.contactId)).toBe('bounced');
  expect(await knex()('campaigns_deliveries').where({ id: ann.id }).first()).toMatchObject({ state: 'failed' });
  const events = (await eventsOf(ann.id)).filter((e) => e.type === 'bounce');
  expect(events.map((e) => [e.source, JSON.parse(e.data)])).toEqual([
    [
      'mailbox',
      {
        kind: 'hard',
        code: 550,
        message: hard('ann@hard.test').diagnostic,
        bounceType: 'hard',
        reason: 'userunknown',
        status: '5.1.1',
      },
    ],
  ]);
  await settled();
  // No address: the site did not opt in (events.includeEmail).
  expect(heard.bounce).toEqual([
    {
      noticeId: outcome.id,
      contactId: ann.contactId,
      campaignId: ann.campaignId,
      deliveryId: ann.id,
      action: 'suppressed',
      bounceType: 'hard',
      reason: 'userunknown',
      source: 'mailbox',
      origin: 'inbound',
    },
  ]);
  // The other recipient is untouched.
  expect(await stateOf(sent['ben@hard.test'].contactId)).toBe('subscribed');

  // The same notice again, twice at once and once more: nothing changes, nothing is heard.
  const before = await snapshot();
  const again = await Promise.all([pipeline().apply([dsn]), pipeline().apply([dsn])]);
  again.push(await pipeline().apply([dsn]));
  for (const [repeat] of again) expect(repeat).toEqual({ ...outcome, repeat: true });
  expect(await snapshot()).toEqual(before);
  await settled();
  expect(heard.bounce).toHaveLength(1);
});

test('a complaint with a redacted recipient finds its delivery by Message-ID; an unsubscribe request unsubscribes', async () => {
  const sent = await sendTo('Complaints', ['cleo@arf.test', 'dan@arf.test']);
  const cleo = sent['cleo@arf.test'];
  const dan = sent['dan@arf.test'];
  const [complaint, unsubscribe] = await pipeline().apply([
    notice({
      origin: 'imap:feedback',
      reference: '<arf-1@fbl.isp.test>',
      kind: 'complaint',
      feedbackType: 'abuse',
      match: { messageIds: [cleo.messageId] },
    }),
    notice({
      origin: 'raw',
      source: 'raw',
      reference: '<unsub-1@arf.test>',
      kind: 'unsubscribe-request',
      recipients: [{ email: 'dan@arf.test', bounceType: null, reason: null, status: null, diagnostic: null }],
      match: { messageIds: ['<not-ours@elsewhere.test>'], envelopeRecipients: ['unsubscribe@example.com'] },
    }),
  ]);
  expect(complaint).toMatchObject({ email: 'cleo@arf.test', deliveryId: cleo.id, matchedBy: 'message-id', action: 'complained' });
  expect(unsubscribe).toMatchObject({ email: 'dan@arf.test', deliveryId: dan.id, matchedBy: 'recipient', action: 'unsubscribed' });

  expect(await stateOf(cleo.contactId)).toBe('complained');
  expect((await suppressionsOf('cleo@arf.test')).map((s) => s.reason)).toEqual(['complaint']);
  expect((await eventsOf(cleo.id)).map((e) => e.type)).toContain('complaint');
  expect(await stateOf(dan.contactId)).toBe('unsubscribed');
  expect((await suppressionsOf('dan@arf.test')).map((s) => s.reason)).toEqual(['unsubscribe']);
  expect((await eventsOf(dan.id)).map((e) => e.type)).toContain('unsubscribe');
  // A complaint or an unsubscribe says nothing of whether the message arrived.
  expect((await knex()('campaigns_deliveries').whereIn('id', [cleo.id, dan.id])).map((d) => d.state)).toEqual(['sent', 'sent']);
  await settled();
  expect(heard.complaint).toEqual([
    {
      noticeId: complaint.id,
      contactId: cleo.contactId,
      campaignId: cleo.campaignId,
      deliveryId: cleo.id,
      source: 'mailbox',
      origin: 'inbound',
    },
  ]);
  // The unsubscribe is the signal path's: the contact it changed, and the message the request answered.
  expect(heard.unsubscribe).toEqual([
    expect.objectContaining({ contactId: dan.contactId, campaignId: dan.campaignId, deliveryId: dan.id, origin: 'inbound' }),
  ]);
});

test('what matches nothing is kept as unmatched and changes nobody: a stranger, a forged VERP, an ARF report for another domain', async () => {
  const sent = await sendTo('Unmatched', ['eve@match.test']);
  const eve = sent['eve@match.test'];
  const forged = verpAddress('a-different-secret-0123456789abcdef', 'bounces@example.com', eve.id);
  expect(forged).not.toBe(eve.verp);
  const before = await snapshot();
  const outcomes = await pipeline().apply([
    notice({ reference: '<never-mailed@mx.test>', recipients: [hard('never@mailed.test')] }),
    notice({ reference: '<forged@mx.test>', recipients: [hard('victim@forged.test')], match: { envelopeRecipients: [forged] } }),
    notice({
      origin: 'imap:feedback',
      reference: '<arf-other@fbl.isp.test>',
      kind: 'complaint',
      feedbackType: 'abuse',
      recipients: [{ email: 'someone@other-domain.test', bounceType: null, reason: null, status: null, diagnostic: null }],
      match: { envelopeRecipients: ['fbl@other-domain.test'], messageIds: ['<theirs-1@other-domain.test>'] },
    }),
  ]);
  expect(outcomes.map((o) => [o.email, o.deliveryId, o.matchedBy, o.action])).toEqual([
    ['never@mailed.test', null, null, 'unmatched'],
    ['victim@forged.test', null, null, 'unmatched'],
    ['someone@other-domain.test', null, null, 'unmatched'],
  ]);
  const after = await snapshot();
  expect(after).toEqual({ ...before, notices: before.notices + 3 });
  const rows = await knex()('campaigns_inbound_notices').whereIn(
    'id',
    outcomes.map((o) => o.id)
  );
  expect(rows.every((r) => r.delivery_id === null && r.contact_id === null && r.action === 'unmatched')).toBe(true);
  await settled();
  expect(Object.values(heard).flat()).toEqual([]);
  expect(await service('suppressions').isSuppressed('eve@match.test')).toBe(false);
});

test('delivery notices and opens from a webhook are recorded; a delivery whose fate was unknown becomes sent', async () => {
  const sent = await sendTo('Webhook events', ['fay@esp.test']);
  const fay = sent['fay@esp.test'];
  await knex()('campaigns_deliveries').where({ id: fay.id }).update({ state: 'unknown' });
  const at = Date.now();
  const esp = (kind: 'delivered' | 'open', reference: string) =>
    notice({
      source: 'webhook',
      origin: 'sendgrid',
      reference,
      kind,
      at,
      recipients: [{ email: 'fay@esp.test', bounceType: null, reason: null, status: null, diagnostic: null }],
      match: { messageIds: [fay.messageId] },
    });
  const outcomes = await pipeline().apply([esp('delivered', 'sg-1'), esp('open', 'sg-2'), esp('open', 'sg-2')]);
  expect(outcomes.map((o) => [o.action, o.repeat])).toEqual([
    ['recorded', false],
    ['recorded', false],
    ['recorded', true],
  ]);
  expect(outcomes[2].id).toBe(outcomes[1].id);
  const delivery = await knex()('campaigns_deliveries').where({ id: fay.id }).first();
  expect(delivery.state).toBe('sent');
  expect(Number(delivery.first_open_at)).toBe(at);
  expect((await eventsOf(fay.id)).map((e) => [e.type, e.source])).toEqual(
    expect.arrayContaining([
      ['delivered', 'webhook'],
      ['open', 'webhook'],
    ])
  );
  await settled();
  expect(Object.values(heard).flat()).toEqual([]);
});

test('a run that died after its effects but before its notice row is completed by the retry, ending in the same state', async () => {
  const sent = await sendTo('Crash', ['gus@crash.test']);
  const gus = sent['gus@crash.test'];
  const dsn = notice({
    reference: '<dsn-crash@mx.test>',
    recipients: [hard('gus@crash.test')],
    match: { messageIds: [gus.messageId] },
    raw: 'a bounce',
  });
  const [first] = await pipeline().apply([dsn]);
  const once = await snapshot();
  // What the dead run left: every effect, no notice row (it is written last).
  await knex()('campaigns_inbound_notices').where({ id: first.id }).del();

  const [retried] = await pipeline().apply([dsn]);
  expect(retried).toMatchObject({ action: 'suppressed', repeat: false, deliveryId: gus.id });
  expect(await snapshot()).toEqual(once);
  expect(await suppressionsOf('gus@crash.test')).toHaveLength(1);
  expect((await eventsOf(gus.id)).filter((e) => e.type === 'bounce')).toHaveLength(1);
});

test('an SMTP refusal at send time goes through the pipeline as a notice of its delivery', async () => {
  sink().behave('hal@smtp.test', () => ({ rcpt: 550, message: '5.1.1 <hal@smtp.test>: Recipient address rejected: User unknown' }));
  const sent = await sendTo('SMTP refusal', ['hal@smtp.test']);
  const hal = sent['hal@smtp.test'];
  // The send job settles the delivery failed, then hands the refusal to the pipeline: the campaign
  // may show finished a moment before the notice is written.
  const noticeOf = () => knex()('campaigns_inbound_notices').where({ delivery_id: hal.id }).first();
  await waitUntil(async () => (await noticeOf()) !== undefined, 'the notice of the SMTP refusal');
  const row = await noticeOf();
  expect(row).toMatchObject({
    source: 'smtp',
    origin: 'smtp',
    bounce_type: 'hard',
    reason: 'userunknown',
    status: '5.1.1',
    matched_by: 'delivery',
    action: 'suppressed',
  });
  expect(await stateOf(hal.contactId)).toBe('bounced');
  await settled();
  expect(heard.bounce).toEqual([expect.objectContaining({ deliveryId: hal.id, source: 'smtp', origin: 'inbound', bounceType: 'hard' })]);
});
