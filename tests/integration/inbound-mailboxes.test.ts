import type { Core } from '@strapi/strapi';
import { PROCESSED_KEYWORD } from '../../server/src/features/inbound/mailboxes/scan';
import { useAdminApp } from '../helpers/admin-app';
import { useDovecot } from '../helpers/dovecot';
import { inboundEnv, sendCampaignTo } from '../helpers/inbound';
import { useSmtpSink } from '../helpers/smtp-sink';
import { startStrapi } from '../helpers/strapi';
import { waitUntil } from '../helpers/wait';

/*
 * Bounce and feedback-loop mailboxes read by the app itself: a real campaign goes out to the SMTP
 * sink, real DSNs and ARF reports about its deliveries are delivered into a real Dovecot, and the
 * rows the pipeline leaves, the checkpoints and the mailboxes' state are read back. The watcher's
 * finer behaviour (IDLE, reconnection, one holder of two) has its own file: mailbox-watcher.test.ts.
 * A file of its own: the mailboxes' options need Dovecot's port before the app boots.
 */
const dovecot = useDovecot();
const sink = useSmtpSink();
const LIMIT = 256 * 1024;
const accounts = { bounces: 'app-bounces', feedback: 'app-fbl' };
const { app, strapi } = useAdminApp({
  env: () => {
    const mailbox = (name: string, user: string, options: Record<string, unknown>) => ({
      name,
      host: dovecot().host,
      port: dovecot().port,
      secure: false,
      ...dovecot().user(user),
      // New mail reaches the app through IDLE: polling would wait an hour.
      pollSeconds: 3600,
      ...options,
    });
    return inboundEnv(sink().port, {
      limits: { maxMessageBytes: LIMIT },
      mailboxes: [
        mailbox('bounces', accounts.bounces, { purpose: 'bounces', after: 'move', processedFolder: 'Done', errorFolder: 'Rejected' }),
        mailbox('fbl', accounts.feedback, { purpose: 'feedback', after: 'flag' }),
      ],
    });
  },
});

const knex = () => strapi().db.connection;

const sendTo = (name: string, emails: string[]) => sendCampaignTo(strapi(), sink(), name, emails);

/** The report's last part: the headers of the message it is about, as both kinds of report quote them. */
const quotedHeaders = (boundary: string, to: string, verp: string, messageId: string) => [
  `--${boundary}`,
  'Content-Type: text/rfc822-headers',
  '',
  `Return-Path: <${verp}>`,
  'From: Northwind Coffee <news@example.com>',
  `To: ${to}`,
  'Subject: Autumn news',
  `Message-ID: ${messageId}`,
  '',
  `--${boundary}--`,
  '',
];

/** A Postfix DSN (RFC 3464) for a hard bounce, sent back to the VERP address. */
const dsn = (to: string, verp: string, messageId: string, ref: string) =>
  [
    'Return-Path: <>',
    `Delivered-To: ${verp}`,
    'From: MAILER-DAEMON@mx.dead.test (Mail Delivery System)',
    `To: ${verp}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Tue, 01 Dec 2026 10:00:00 +0000',
    `Message-ID: <${ref}@mx.dead.test>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"',
    '',
    '--BOUNDARY',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.dead.test.',
    '',
    "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
    '',
    `<${to}>: host mx.dead.test[192.0.2.25] said: 550 5.1.1 <${to}>: Recipient address rejected: User unknown in local recipient table`,
    '',
    '--BOUNDARY',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.dead.test',
    'Arrival-Date: Tue, 01 Dec 2026 09:59:58 +0000',
    '',
    `Final-Recipient: rfc822; ${to}`,
    `Original-Recipient: rfc822;${to}`,
    'Action: failed',
    'Status: 5.1.1',
    'Remote-MTA: dns; mx.dead.test',
    `Diagnostic-Code: smtp; 550 5.1.1 <${to}>: Recipient address rejected: User unknown in local recipient table`,
    '',
    ...quotedHeaders('BOUNDARY', to, verp, messageId),
  ].join('\r\n');

/** A feedback-loop complaint (ARF, RFC 5965) quoting the original message's headers. */
const arf = (to: string, verp: string, messageId: string, ref: string) =>
  [
    'From: fbl@isp.test',
    'To: fbl@example.com',
    'Subject: Abuse report',
    'Date: Tue, 01 Dec 2026 11:00:00 +0000',
    `Message-ID: <${ref}@isp.test>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="ARF"',
    '',
    '--ARF',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is an email abuse report for an email message received from IP 192.0.2.10.',
    '',
    '--ARF',
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'User-Agent: isp-fbl/1.0',
    'Version: 1',
    'Source-IP: 192.0.2.10',
    `Original-Rcpt-To: ${to}`,
    '',
    ...quotedHeaders('ARF', to, verp, messageId),
  ].join('\r\n');

const checkpointOf = async (mailbox: string) => knex()('campaigns_mailbox_checkpoints').where({ mailbox }).first();
const noticesFrom = (origin: string) => knex()('campaigns_inbound_notices').where({ origin }).orderBy('id');
const suppressed = (email: string) =>
  strapi()
    .db.query('plugin::campaigns.suppression')
    .findMany({ where: { email }, select: ['reason'] });
const contactState = async (id: number) => (await knex()('campaigns_contacts').where({ id }).first('state')).state;

test('a DSN in the bounce mailbox suppresses the address; a message over the size limit is moved aside and the next one still counts', async () => {
  const sent = await sendTo('Bounced', ['ann@dead.test', 'bob@dead.test', 'cat@alive.test']);
  const { ann, bob } = { ann: sent['ann@dead.test'], bob: sent['bob@dead.test'] };

  await dovecot().append(accounts.bounces, 'INBOX', dsn('ann@dead.test', ann.verp, ann.messageId, 'dsn-ann'));
  const huge = await dovecot().append(
    accounts.bounces,
    'INBOX',
    dsn('cat@alive.test', sent['cat@alive.test'].verp, sent['cat@alive.test'].messageId, 'dsn-huge') + `${'z'.repeat(76)}\r\n`.repeat(8000)
  );
  const last = await dovecot().append(accounts.bounces, 'INBOX', dsn('bob@dead.test', bob.verp, bob.messageId, 'dsn-bob'));

  await waitUntil(
    async () => Number((await checkpointOf('bounces'))?.last_uid) === last,
    'the bounce mailbox to be read up to its last message'
  );
  expect(await noticesFrom('imap:bounces')).toEqual([
    expect.objectContaining({
      source: 'mailbox',
      kind: 'bounce',
      bounce_type: 'hard',
      email: 'ann@dead.test',
      matched_by: 'verp',
      action: 'suppressed',
    }),
    expect.objectContaining({
      source: 'mailbox',
      kind: 'bounce',
      bounce_type: 'hard',
      email: 'bob@dead.test',
      matched_by: 'verp',
      action: 'suppressed',
    }),
  ]);
  expect(await suppressed('ann@dead.test')).toEqual([expect.objectContaining({ reason: 'hard-bounce' })]);
  expect(await suppressed('bob@dead.test')).toEqual([expect.objectContaining({ reason: 'hard-bounce' })]);
  expect(await suppressed('cat@alive.test')).toEqual([]);
  expect(await contactState(ann.contactId)).toBe('bounced');

  expect(await dovecot().list(accounts.bounces, 'INBOX')).toEqual([]);
  expect((await dovecot().list(accounts.bounces, 'Done')).map((m) => m.subject)).toEqual([
    'Undelivered Mail Returned to Sender',
    'Undelivered Mail Returned to Sender',
  ]);
  expect((await dovecot().list(accounts.bounces, 'Rejected')).map((m) => m.uid)).toHaveLength(1);
  expect(huge).toBeLessThan(last);
});

test('a complaint in the feedback mailbox marks the contact complained and flags the report read and processed', async () => {
  const sent = await sendTo('Complained', ['dan@isp.test']);
  const dan = sent['dan@isp.test'];
  const uid = await dovecot().append(accounts.feedback, 'INBOX', arf('dan@isp.test', dan.verp, dan.messageId, 'arf-dan'));

  await waitUntil(async () => Number((await checkpointOf('fbl'))?.last_uid) === uid, 'the feedback mailbox to be read');
  expect(await noticesFrom('imap:fbl')).toEqual([
    expect.objectContaining({ kind: 'complaint', email: 'dan@isp.test', action: 'complained' }),
  ]);
  expect(await contactState(dan.contactId)).toBe('complained');
  expect(await dovecot().list(accounts.feedback, 'INBOX')).toEqual([
    { uid, subject: 'Abuse report', flags: [PROCESSED_KEYWORD, '\\Seen'] },
  ]);
});

test('a restart of the app goes on from the stored checkpoint: what came while it was down is read, nothing twice', async () => {
  const sent = await sendTo('Restarted', ['eve@dead.test', 'fay@dead.test']);
  const before = await checkpointOf('fbl');
  const noticesBefore = (await noticesFrom('imap:fbl')).length;

  await app().strapi.destroy();
  const uid = await dovecot().append(
    accounts.feedback,
    'INBOX',
    arf('eve@dead.test', sent['eve@dead.test'].verp, sent['eve@dead.test'].messageId, 'arf-eve')
  );
  const restarted: Core.Strapi = await startStrapi(app().env);
  app().strapi = restarted;

  await waitUntil(
    async () => Number((await checkpointOf('fbl'))?.last_uid) === uid,
    'the restarted app to read the report that came meanwhile'
  );
  const after = await checkpointOf('fbl');
  expect(Number(after.uid_validity)).toBe(Number(before.uid_validity));
  const notices = await noticesFrom('imap:fbl');
  expect(notices).toHaveLength(noticesBefore + 1);
  expect(notices.at(-1)).toMatchObject({ kind: 'complaint', email: 'eve@dead.test', action: 'complained' });
  expect(await suppressed('fay@dead.test')).toEqual([]);
});
