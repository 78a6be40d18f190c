import { createHash } from 'node:crypto';
import { rootOf } from '../../../server/src/composition/accessor';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';

/**
 * Raw mail through Running.mail.take: classified for real, turned into one notice, applied by the
 * pipeline. The mails are written here the way Postfix and a feedback loop write them, addressed
 * to what the app really sent (its VERP Return-Path, its Message-IDs).
 */
const { strapi, service, sink } = useGroupApp();

const knex = () => strapi().db.connection;
const take = (raw: string, origin = 'imap:bounces') => rootOf(strapi()).running.mail.take(raw, { source: 'mailbox', origin });

const sendTo = async (name: string, emails: string[]) => {
  const campaign = await seedCampaign(
    strapi(),
    name,
    emails.map((email) => ({ email }))
  );
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  const rows = await knex()('campaigns_deliveries').whereIn('email', emails);
  return Object.fromEntries(
    rows.map((row) => [
      row.email as string,
      {
        id: Number(row.id),
        contactId: Number(row.contact_id),
        messageId: row.message_id as string,
        verp: sink().to(row.email)[0].mailFrom,
      },
    ])
  );
};

const postfixDsn = (o: { verp: string; recipient: string; messageId: string; status: string; diagnostic: string; id: string }) =>
  [
    'Return-Path: <>',
    `Delivered-To: ${o.verp}`,
    'From: MAILER-DAEMON@mx.example.com (Mail Delivery System)',
    'Subject: Undelivered Mail Returned to Sender',
    `To: ${o.verp}`,
    `Message-Id: <${o.id}@mx.example.com>`,
    'Date: Mon, 2 Mar 2026 10:00:00 +0000',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
    '',
    '--B1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.com.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    `<${o.recipient}>: host mx.remote.test said: ${o.diagnostic}`,
    '',
    '--B1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    `Final-Recipient: rfc822; ${o.recipient}`,
    `Original-Recipient: rfc822;${o.recipient}`,
    'Action: failed',
    `Status: ${o.status}`,
    'Remote-MTA: dns; mx.remote.test',
    `Diagnostic-Code: smtp; ${o.diagnostic}`,
    '',
    '--B1',
    'Content-Type: text/rfc822-headers',
    '',
    `Return-Path: <${o.verp}>`,
    'From: Northwind Coffee <news@example.com>',
    `To: ${o.recipient}`,
    'Subject: Autumn news',
    `Message-ID: ${o.messageId}`,
    '',
    '--B1--',
    '',
  ].join('\r\n');

const arf = (o: { id: string; originalTo: string; messageId: string; returnPath: string; reportedDomain: string }) =>
  [
    'From: <fbl@isp.test>',
    'To: <abuse@example.com>',
    'Subject: FW: Autumn news',
    `Message-ID: <${o.id}@isp.test>`,
    'Date: Mon, 2 Mar 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="F1"',
    '',
    '--F1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is an email abuse report for an email message received from IP 192.0.2.1.',
    '',
    '--F1',
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'User-Agent: ISP-FBL/1.0',
    'Version: 1',
    'Source-IP: 192.0.2.1',
    `Reported-Domain: ${o.reportedDomain}`,
    '',
    '--F1',
    'Content-Type: text/rfc822-headers',
    '',
    `Return-Path: <${o.returnPath}>`,
    `From: News <news@${o.reportedDomain}>`,
    `To: ${o.originalTo}`,
    'Subject: Autumn news',
    `Message-ID: ${o.messageId}`,
    '',
    '--F1--',
    '',
  ].join('\r\n');

const suppressed = (email: string) => service('suppressions').isSuppressed(email);
const stateOf = async (contactId: number) => (await knex()('campaigns_contacts').select('state').where({ id: contactId }).first()).state;

test('a Postfix DSN sent back to the VERP address is a hard bounce of that delivery; taken again, it changes nothing', async () => {
  const sent = await sendTo('DSN', ['ivy@dsn.test', 'joe@dsn.test']);
  const ivy = sent['ivy@dsn.test'];
  const mail = postfixDsn({
    verp: ivy.verp,
    recipient: 'ivy@dsn.test',
    messageId: ivy.messageId,
    status: '5.1.1',
    diagnostic: '550 5.1.1 <ivy@dsn.test>: Recipient address rejected: User unknown in virtual mailbox table',
    id: 'dsn-ivy',
  });
  const { classification, outcomes } = await take(mail);
  expect(classification).toMatchObject({ kind: 'bounce', bounceType: 'hard', reason: 'userunknown', recipients: ['ivy@dsn.test'] });
  expect(outcomes).toEqual([
    { id: expect.any(Number), email: 'ivy@dsn.test', deliveryId: ivy.id, matchedBy: 'verp', action: 'suppressed', repeat: false },
  ]);
  expect(await suppressed('ivy@dsn.test')).toBe(true);
  expect(await stateOf(ivy.contactId)).toBe('bounced');
  expect(await suppressed('joe@dsn.test')).toBe(false);

  const row = await knex()('campaigns_inbound_notices').where({ id: outcomes[0].id }).first();
  expect(row).toMatchObject({ source: 'mailbox', origin: 'imap:bounces', status: '5.1.1', reason: 'userunknown' });
  const raw = await knex()('campaigns_inbound_raw').where({ id: row.raw_id }).first();
  expect(raw.sha256).toBe(createHash('sha256').update(mail).digest('hex'));
  expect(raw.body).toBe(mail);

  const again = await take(mail);
  expect(again.outcomes).toEqual([{ ...outcomes[0], repeat: true }]);
  expect(Number((await knex()('campaigns_inbound_notices').count({ n: '*' }).first())!.n)).toBe(1);
  expect(Number((await knex()('campaigns_inbound_raw').count({ n: '*' }).first())!.n)).toBe(1);
  expect(Number((await knex()('campaigns_events').where({ type: 'bounce', delivery_id: ivy.id }).count({ n: '*' }).first())!.n)).toBe(1);
});

test('a soft DSN (mailbox full) is counted, and the delivery stays sent until the limit', async () => {
  const sent = await sendTo('Soft DSN', ['kim@dsn.test']);
  const kim = sent['kim@dsn.test'];
  const { classification, outcomes } = await take(
    postfixDsn({
      verp: kim.verp,
      recipient: 'kim@dsn.test',
      messageId: kim.messageId,
      status: '4.2.2',
      diagnostic: '452 4.2.2 <kim@dsn.test>: Mailbox full',
      id: 'dsn-kim',
    })
  );
  expect(classification).toMatchObject({ kind: 'bounce', bounceType: 'soft', reason: 'mailboxfull' });
  expect(outcomes).toMatchObject([{ deliveryId: kim.id, action: 'soft-counted' }]);
  expect(await suppressed('kim@dsn.test')).toBe(false);
  expect(await stateOf(kim.contactId)).toBe('subscribed');
});

test('an ARF complaint whose recipient is redacted finds the delivery by the quoted Message-ID', async () => {
  const sent = await sendTo('ARF', ['lea@arf.test']);
  const lea = sent['lea@arf.test'];
  const { classification, outcomes } = await take(
    arf({
      id: 'arf-lea',
      originalTo: 'xxxxxxxx@xxxxxxx.xxx',
      messageId: lea.messageId,
      returnPath: lea.verp,
      reportedDomain: 'example.com',
    }),
    'imap:feedback'
  );
  expect(classification).toMatchObject({ kind: 'complaint', feedbackType: 'abuse' });
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]).toMatchObject({ email: 'lea@arf.test', deliveryId: lea.id, action: 'complained', repeat: false });
  expect(['message-id', 'verp']).toContain(outcomes[0].matchedBy);
  expect(await stateOf(lea.contactId)).toBe('complained');
  expect(await suppressed('lea@arf.test')).toBe(true);
});

test("an ARF report about someone else's message is kept as unmatched and suppresses nobody, even a subscriber of ours", async () => {
  const sent = await sendTo('Not ours', ['max@ours.test']);
  const count = async (table: string, where: Record<string, unknown> = {}) =>
    Number((await knex()(table).where(where).count({ n: '*' }).first())!.n);
  const before = {
    suppressions: await count('campaigns_suppressions'),
    complaints: await count('campaigns_events', { type: 'complaint' }),
  };
  const report = (id: string, originalTo: string) =>
    arf({
      id,
      originalTo,
      messageId: `<campaign-77.${id}@other-sender.test>`,
      returnPath: 'bounce-77@other-sender.test',
      reportedDomain: 'other-sender.test',
    });
  // The address is one we mail too, but the report quotes another sender's message; then one we never mailed.
  const results = [
    await take(report('arf-other-1', 'max@ours.test'), 'imap:feedback'),
    await take(report('arf-other-2', 'nia@other-isp.test'), 'imap:feedback'),
  ];
  for (const { classification } of results) expect(classification.kind).toBe('complaint');
  expect(results.flatMap((r) => r.outcomes).map((o) => [o.email, o.deliveryId, o.action])).toEqual([
    ['max@ours.test', null, 'unmatched'],
    ['nia@other-isp.test', null, 'unmatched'],
  ]);
  expect({
    suppressions: await count('campaigns_suppressions'),
    complaints: await count('campaigns_events', { type: 'complaint' }),
  }).toEqual(before);
  expect(await stateOf(sent['max@ours.test'].contactId)).toBe('subscribed');
});
