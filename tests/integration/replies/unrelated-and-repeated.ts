import { PROCESSED_KEYWORD } from '../../../server/src/features/inbound/mailboxes/scan';
import { TABLES } from '../../../server/src/constants';
import { SUPER_ADMIN_EMAIL } from '../../helpers/admin';
import { REPLIES_ACCOUNT, replyMail, useRepliesMailbox } from '../../helpers/replies-mailbox';
import { waitUntil } from '../../helpers/wait';

/**
 * What the shared inbox holds beside our replies, and what comes twice: mail about none of our
 * messages left as it was, the same reply stored once, a mail too large left unread in place, and a
 * reply written again for its notice after a run died between the two.
 */
const { knex, sink, dovecot, sendAsAdmin, append, readUpTo, repliesTo, noticesOf, heardReplies } = useRepliesMailbox();

test('mail about none of our messages is left as it was: unread, unflagged, in the inbox, and nothing of it stored', async () => {
  const noticesBefore = Number((await knex()(TABLES.inboundNotices).count({ n: '*' }))[0].n);
  const rawBefore = Number((await knex()(TABLES.inboundRaw).count({ n: '*' }))[0].n);
  const private1 = await append(
    replyMail({
      from: 'friend@elsewhere.test',
      messageId: 'private-1@elsewhere.test',
      subject: 'Lunch on Friday?',
      body: ['Are we still on for lunch?'],
    })
  );
  // A reply in someone else's thread (its references are not ours), from an address we never mailed.
  const private2 = await append(
    replyMail({
      from: 'colleague@elsewhere.test',
      messageId: 'private-2@elsewhere.test',
      inReplyTo: '<budget-2027@elsewhere.test>',
      references: '<budget-2027@elsewhere.test>',
      subject: 'Re: Budget',
      body: ['Looks fine to me.', '', '> Here is the budget.'],
    })
  );

  await readUpTo(private2);
  const inbox = await dovecot().list(REPLIES_ACCOUNT, 'INBOX');
  for (const uid of [private1, private2]) {
    const message = inbox.find((m) => m.uid === uid);
    expect(message).toBeDefined();
    expect(message!.flags).toEqual([]);
  }
  expect(Number((await knex()(TABLES.inboundNotices).count({ n: '*' }))[0].n)).toBe(noticesBefore);
  expect(Number((await knex()(TABLES.inboundRaw).count({ n: '*' }))[0].n)).toBe(rawBefore);
  expect(await knex()(TABLES.inboundNotices).where('email', 'like', '%elsewhere.test')).toEqual([]);
});

test("the same reply twice is one reply, heard once; a mail too large to read is left in place, unread (the mailbox may be people's inbox)", async () => {
  const { sent } = await sendAsAdmin('Twice replies', ['wes@twice.test']);
  const wes = sent['wes@twice.test'];
  const reply = replyMail({ from: wes.email, messageId: 'twice-1@twice.test', inReplyTo: wes.messageId, body: ['Thanks, got it.'] });
  const first = await append(reply);
  const second = await append(reply);
  const huge = await append(
    replyMail({ from: wes.email, messageId: 'huge-1@twice.test', inReplyTo: wes.messageId, body: Array(4000).fill('z'.repeat(76)) })
  );

  await readUpTo(huge);
  expect(await repliesTo([wes.id])).toHaveLength(1);
  expect(await noticesOf([wes.id])).toHaveLength(1);
  expect((await heardReplies()).filter((event) => event.deliveryId === wes.id)).toHaveLength(1);
  await waitUntil(
    async () =>
      sink()
        .to(SUPER_ADMIN_EMAIL)
        .filter((message) => message.raw.includes('Twice replies')).length === 1,
    'the owner to be told once'
  );
  const inbox = await dovecot().list(REPLIES_ACCOUNT, 'INBOX');
  expect(inbox.filter((m) => [first, second].includes(m.uid)).map((m) => m.flags.includes(PROCESSED_KEYWORD))).toEqual([true, true]);
  const unread = inbox.find((m) => m.uid === huge);
  expect(unread?.flags).not.toContain('\\Seen');
  expect(unread?.flags).not.toContain(PROCESSED_KEYWORD);
  expect(await dovecot().list(REPLIES_ACCOUNT, 'Rejected')).toEqual([]);

  // A run that died between the notice and its reply: the next reading of the mail writes the reply, for the same notice.
  const [stored] = await repliesTo([wes.id]);
  await knex()(TABLES.replies).where({ id: stored.id }).delete();
  await readUpTo(await append(reply));
  const [again] = await repliesTo([wes.id]);
  expect(again).toMatchObject({ notice_id: stored.notice_id, class: 'human', body_text: stored.body_text });
  expect(await noticesOf([wes.id])).toHaveLength(1);
});
