import { rawMailSignature } from '../../../server/src/features/inbound/raw-mail';
import { INBOUND_SECRETS } from '../../helpers/inbound';
import { TABLES } from '../../../server/src/constants';
import { REPLY_ADDRESS, replyMail, useRepliesMailbox } from '../../helpers/replies-mailbox';

/**
 * Mail to the replies mailbox that acts on its contact: "remove me" mails unsubscribe, a bounce that
 * reached it bounces; and raw mail an MTA posts is read as a reply the same way.
 */
const { knex, api, sendAsAdmin, append, readUpTo, repliesTo, noticesOf } = useRepliesMailbox();

test('"remove me" mails unsubscribe their contact through the pipeline and are kept as unsubscribe requests', async () => {
  const { sent } = await sendAsAdmin('Remove replies', ['una@remove.test', 'vic@remove.test']);
  const una = sent['una@remove.test'];
  const vic = sent['vic@remove.test'];
  await append(
    replyMail({
      from: una.email,
      messageId: 'remove-en@remove.test',
      inReplyTo: una.messageId,
      body: ['Please remove me from your mailing list.', '', '> Hello Una,'],
    })
  );
  const last = await append(
    replyMail({
      from: vic.email,
      messageId: 'remove-de@remove.test',
      inReplyTo: vic.messageId,
      body: ['Ich möchte mich vom Newsletter abmelden.', '', '> Hallo Vic,'],
    })
  );

  await readUpTo(last);
  expect((await repliesTo([una.id, vic.id])).map((row) => row.class)).toEqual(['unsubscribe-request', 'unsubscribe-request']);
  const states = await knex()('campaigns_contacts').whereIn('id', [una.contactId, vic.contactId]).orderBy('id').select('state');
  expect(states.map((row) => row.state)).toEqual(['unsubscribed', 'unsubscribed']);
  expect((await noticesOf([una.id, vic.id])).map((notice) => notice.action)).toEqual(['unsubscribed', 'unsubscribed']);
});

test('a bounce that reached the replies mailbox is a reply of class bounce, applied as a bounce; raw mail posted by an MTA is stored the same way', async () => {
  const { sent } = await sendAsAdmin('Mixed replies', ['xia@dead.test', 'yan@raw.test']);
  const xia = sent['xia@dead.test'];
  const yan = sent['yan@raw.test'];
  const uid = await append(
    [
      'Return-Path: <>',
      `Delivered-To: ${REPLY_ADDRESS}`,
      'From: MAILER-DAEMON@mx.dead.test (Mail Delivery System)',
      `To: ${REPLY_ADDRESS}`,
      'Subject: Undelivered Mail Returned to Sender',
      `Date: ${new Date().toUTCString()}`,
      'Message-ID: <dsn-xia@mx.dead.test>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      `<${xia.email}>: host mx.dead.test said: 550 5.1.1 <${xia.email}>: Recipient address rejected: User unknown`,
      '',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.dead.test',
      '',
      `Final-Recipient: rfc822; ${xia.email}`,
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; 550 5.1.1 <${xia.email}>: Recipient address rejected: User unknown`,
      '',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      `Return-Path: <${xia.verp}>`,
      'From: Northwind Coffee <news@example.com>',
      `To: ${xia.email}`,
      'Subject: Autumn news',
      `Message-ID: ${xia.messageId}`,
      '',
      '--B--',
      '',
    ].join('\r\n')
  );
  await readUpTo(uid);
  expect(await repliesTo([xia.id])).toEqual([expect.objectContaining({ class: 'bounce', matched_by: 'reply-address' })]);
  expect((await knex()('campaigns_contacts').where({ id: xia.contactId }).first('state')).state).toBe('bounced');

  const body = Buffer.from(
    replyMail({
      from: yan.email,
      messageId: 'raw-reply-1@raw.test',
      inReplyTo: yan.messageId,
      body: ['Posted by our MTA, read all the same.', '', '> Hello Yan,'],
    })
  );
  const posted = await api()
    .post('/api/campaigns/inbound/mail')
    .set('Content-Type', 'message/rfc822')
    .set('X-Campaigns-Signature', rawMailSignature(INBOUND_SECRETS.rawMail, body))
    .send(body);
  expect(posted.status).toBe(202);
  expect(await repliesTo([yan.id])).toEqual([
    expect.objectContaining({ class: 'human', matched_by: 'message-id', snippet: 'Posted by our MTA, read all the same.' }),
  ]);
  // Unrelated raw mail is no shared inbox's: it is kept as an unmatched notice, as before, and is no reply.
  const stranger = Buffer.from(replyMail({ from: 'nobody@elsewhere.test', messageId: 'raw-stranger@elsewhere.test', body: ['Hi'] }));
  const strangerPosted = await api()
    .post('/api/campaigns/inbound/mail')
    .set('Content-Type', 'message/rfc822')
    .set('X-Campaigns-Signature', rawMailSignature(INBOUND_SECRETS.rawMail, stranger))
    .send(stranger);
  expect(strangerPosted.status).toBe(202);
  expect(await knex()(TABLES.replies).where('from_address', 'nobody@elsewhere.test')).toEqual([]);
});
