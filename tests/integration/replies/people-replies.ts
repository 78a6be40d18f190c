import { replyAddressOf } from '../../../server/src/features/replies/reading/reply-address';
import { PROCESSED_KEYWORD } from '../../../server/src/features/inbound/mailboxes/scan';
import { TABLES } from '../../../server/src/constants';
import { SUPER_ADMIN_EMAIL } from '../../helpers/admin';
import { REPLIES_ACCOUNT, REPLY_ADDRESS, replyMail, useRepliesMailbox } from '../../helpers/replies-mailbox';
import { TEST_SIGNING_SECRET } from '../../helpers/sending';
import { waitUntil } from '../../helpers/wait';

/**
 * People's replies: the signed reply address each message carries, and replies shaped as Gmail,
 * Outlook and Apple Mail write them (by references, from another address, forwarded, to the signed
 * address, by sender only) stored, matched, counted, announced, told to the owner and flagged.
 */
const { knex, service, sink, dovecot, sendAsAdmin, append, readUpTo, repliesTo, noticesOf, heardReplies } = useRepliesMailbox();

test('every message carries its delivery’s signed reply address, unless the campaign has a reply-to of its own', async () => {
  const { sent } = await sendAsAdmin('Signed reply-to', ['sig@replies.test']);
  const { sent: own } = await sendAsAdmin('Own reply-to', ['own@replies.test'], { replyTo: 'hello@example.com' });
  const sig = sent['sig@replies.test'];

  expect(sig.replyTo).toBe(replyAddressOf(TEST_SIGNING_SECRET, REPLY_ADDRESS, sig.id));
  expect(sig.replyTo).toMatch(/^replies\+[0-9a-z]+-[0-9a-f]+@example\.com$/);
  expect(own['own@replies.test'].replyTo).toBe('hello@example.com');
});

test('people’s replies are stored once each, matched and marked; the first reply time, the counts, the event and the owner’s mail follow', async () => {
  const emails = [
    'ann@gmail.test',
    'bob@outlook.test',
    'cat@icloud.test',
    'dan@refs.test',
    'eve@work.test',
    'fay@fwd.test',
    'gus@plain.test',
    'hal@sender.test',
  ];
  const { documentId, sent } = await sendAsAdmin('Autumn replies', emails);
  const s = (email: string) => sent[email];
  // The owner's server refuses the first notification for now: it goes out on the queue's next try.
  sink().behave(SUPER_ADMIN_EMAIL, (attempt) => (attempt === 1 ? { rcpt: 451, message: '4.3.0 try again later' } : null));

  await append(
    replyMail({
      from: 'ann@gmail.test',
      fromName: 'Ann Archer',
      messageId: 'CAFgmail01@mail.gmail.com',
      inReplyTo: s('ann@gmail.test').messageId,
      references: s('ann@gmail.test').messageId,
      body: [
        'Yes please, two bags of the autumn blend for me.',
        '',
        'On Tue, Dec 1, 2026 at 10:00 AM Northwind Coffee <news@example.com> wrote:',
        '> Hello Ann,',
        '> Try Pro today.',
      ],
    })
  );
  await append(
    replyMail({
      from: 'bob@outlook.test',
      fromName: 'Bob Brown',
      messageId: 'AM0PR01MB0001@eurprd01.prod.outlook.com',
      inReplyTo: s('bob@outlook.test').messageId,
      references: s('bob@outlook.test').messageId,
      headers: ['Thread-Topic: Autumn news', 'Thread-Index: AQHZ1234567890abcdef==', 'X-MS-Has-Attach:'],
      body: [
        'Could you ship my order to the office instead?',
        '',
        'Best regards,',
        'Bob',
        '',
        '________________________________',
        'From: Northwind Coffee <news@example.com>',
        'Sent: Tuesday, December 1, 2026 10:00 AM',
        'To: bob@outlook.test',
        'Subject: Autumn news',
        '',
        'Hello Bob,',
        'Try Pro today.',
      ],
    })
  );
  await append(
    replyMail({
      from: 'cat@icloud.test',
      fromName: 'Cat Cole',
      messageId: '5E1B3C9A-APPLE-0001@icloud.test',
      inReplyTo: s('cat@icloud.test').messageId,
      references: s('cat@icloud.test').messageId,
      headers: ['X-Mailer: iPhone Mail (20A362)'],
      body: [
        'Love the new blend!',
        '',
        'Sent from my iPhone',
        '',
        '> On 1 Dec 2026, at 10:00, Northwind Coffee <news@example.com> wrote:',
        '> ',
        '> Hello Cat,',
      ],
    })
  );
  // Only References names our message (some clients write no In-Reply-To).
  await append(
    replyMail({
      from: 'dan@refs.test',
      messageId: 'refs-only-1@refs.test',
      references: `<thread-start@refs.test> ${s('dan@refs.test').messageId}`,
      body: ['Is the autumn blend decaf too?', '', '> Hello Dan,'],
    })
  );
  // Eve answers from her home address.
  await append(
    replyMail({
      from: 'eve.home@elsewhere.test',
      fromName: 'Eve Evans',
      messageId: 'other-address-1@elsewhere.test',
      inReplyTo: s('eve@work.test').messageId,
      references: s('eve@work.test').messageId,
      body: ['Please send the samples to this address.', '', '> Hello Eve,'],
    })
  );
  // Fay forwarded it to a colleague, who writes back.
  await append(
    replyMail({
      from: 'gil@fwd.test',
      fromName: 'Gil Grant',
      subject: 'Fwd: Autumn news',
      messageId: 'forwarded-1@fwd.test',
      references: s('fay@fwd.test').messageId,
      body: [
        'Fay passed this on to me: do you deliver to offices?',
        '',
        '---------- Forwarded message ---------',
        'From: Northwind Coffee <news@example.com>',
        'Date: Tue, Dec 1, 2026 at 10:00 AM',
        'Subject: Autumn news',
        'To: <fay@fwd.test>',
        '',
        'Hello Fay,',
      ],
    })
  );
  // A webmail that keeps no references: the signed Reply-To it was sent to names the delivery.
  await append(
    replyMail({
      from: 'gus@plain.test',
      messageId: 'no-refs-1@plain.test',
      deliveredTo: s('gus@plain.test').replyTo,
      body: ['Count me in for the tasting on Saturday.', '', '> Hello Gus,'],
    })
  );
  // Nothing but the sender's address (a "Re:" that quotes, sent to the plain address): the latest delivery to it.
  const last = await append(
    replyMail({
      from: 'hal@sender.test',
      messageId: 'sender-only-1@sender.test',
      body: ['Is the shop open on Sunday?', '', '> Hello Hal,'],
    })
  );

  await readUpTo(last);
  const ids = emails.map((email) => s(email).id);
  const rows = await repliesTo(ids);
  const byDelivery = new Map(rows.map((row) => [Number(row.delivery_id), row]));
  const row = (email: string) => byDelivery.get(s(email).id);
  expect(rows).toHaveLength(8);
  const campaignId = s('ann@gmail.test').campaignId;
  expect(row('ann@gmail.test')).toMatchObject({
    class: 'human',
    from_address: 'ann@gmail.test',
    from_name: 'Ann Archer',
    subject: 'Re: Autumn news',
    matched_by: 'message-id',
    match_note: null,
    contact_id: s('ann@gmail.test').contactId,
    campaign_id: campaignId,
  });
  expect(row('ann@gmail.test')!.body_text).toContain('two bags of the autumn blend');
  expect(row('ann@gmail.test')!.body_text).not.toContain('Try Pro today');
  expect(row('ann@gmail.test')!.quoted_text).toContain('Try Pro today');
  expect(row('bob@outlook.test')).toMatchObject({ class: 'human', matched_by: 'message-id', match_note: null });
  expect(row('bob@outlook.test')!.body_text).toContain('ship my order to the office');
  expect(row('bob@outlook.test')!.body_text).not.toContain('Sent: Tuesday');
  expect(row('cat@icloud.test')).toMatchObject({ class: 'human', matched_by: 'message-id', snippet: 'Love the new blend!' });
  expect(row('dan@refs.test')).toMatchObject({ class: 'human', matched_by: 'message-id', match_note: null });
  expect(row('eve@work.test')).toMatchObject({
    from_address: 'eve.home@elsewhere.test',
    matched_by: 'message-id',
    match_note: 'other-address',
  });
  expect(row('fay@fwd.test')).toMatchObject({ from_address: 'gil@fwd.test', matched_by: 'message-id', match_note: 'forwarded' });
  expect(row('gus@plain.test')).toMatchObject({ class: 'human', matched_by: 'reply-address', match_note: null });
  expect(row('hal@sender.test')).toMatchObject({ class: 'human', matched_by: 'sender', match_note: null });
  // Each row is its notice's, with the raw mail the notice keeps.
  const notices = await noticesOf(ids);
  expect(notices).toHaveLength(8);
  for (const notice of notices) {
    const reply = byDelivery.get(Number(notice.delivery_id))!;
    expect(Number(reply.notice_id)).toBe(Number(notice.id));
    expect(Number(reply.raw_id)).toBe(Number(notice.raw_id));
  }

  // A person's reply is the delivery's first reply, and the campaign's counters count it.
  const deliveries = await knex()(TABLES.deliveries).whereIn('id', ids);
  for (const delivery of deliveries) expect(Number(delivery.first_reply_at)).toBeGreaterThan(0);
  const report = await service('analytics').report(documentId);
  expect(report.replies).toEqual({ total: 8, unique: 8 });

  const events = (await heardReplies()).filter((event) => event.campaignId === campaignId);
  expect(events).toHaveLength(8);
  expect(events).toContainEqual({
    replyId: Number(row('ann@gmail.test')!.id),
    noticeId: Number(row('ann@gmail.test')!.notice_id),
    contactId: s('ann@gmail.test').contactId,
    origin: 'inbound',
    campaignId,
    deliveryId: s('ann@gmail.test').id,
    class: 'human',
    autoReplyKind: null,
    matchedBy: 'message-id',
  });

  // The owner hears of each person's reply, at the real SMTP server, after the refusal.
  await waitUntil(async () => sink().to(SUPER_ADMIN_EMAIL).length === 8, 'the owner to be told of 8 replies');
  const told = await Promise.all(
    sink()
      .to(SUPER_ADMIN_EMAIL)
      .map((message) => sink().parse(message))
  );
  const annNotice = told.find((message) => message.subject === 'Reply to "Autumn replies" from ann@gmail.test');
  expect(annNotice?.text).toContain('two bags of the autumn blend');
  expect(annNotice?.replyTo?.value[0]?.address).toBe('ann@gmail.test');
  expect(annNotice?.headers.get('auto-submitted')).toBe('auto-generated');

  // Processed replies get the mailbox's after-action.
  const stored = await dovecot().list(REPLIES_ACCOUNT, 'INBOX');
  expect(stored.filter((message) => message.uid <= last && message.flags.includes(PROCESSED_KEYWORD))).toHaveLength(8);
});
