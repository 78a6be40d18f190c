import { rootOf } from '../../server/src/composition/accessor';
import { TABLES } from '../../server/src/constants';
import { PROCESSED_KEYWORD } from '../../server/src/features/inbound/mailboxes/scan';
import { replyAddressOf } from '../../server/src/features/replies/reading/reply-address';
import { SUPER_ADMIN_EMAIL } from '../helpers/admin';
import { useAdminApp } from '../helpers/admin-app';
import { useDovecot } from '../helpers/dovecot';
import { rawMailSignature } from '../../server/src/features/inbound/raw-mail';
import { INBOUND_SECRETS, inboundEnv } from '../helpers/inbound';
import { finished, NEWSLETTER, TEST_SIGNING_SECRET, waitForProgress } from '../helpers/sending';
import { useSmtpSink } from '../helpers/smtp-sink';
import { waitUntil } from '../helpers/wait';

/*
 * Replies read from a real Dovecot mailbox of purpose `replies`, a shared inbox people read too: a
 * real campaign goes out to the SMTP sink (from a campaign an admin created: its owner), replies
 * shaped as Gmail, Outlook and Apple Mail write them, auto-replies, "remove me" mails and unrelated
 * mail are delivered into the mailbox, and the rows, the contact, the delivery, the event heard, the
 * owner's notification at the sink and the mailbox's flags are read back. A file of its own: the
 * mailbox options need Dovecot's port before the app boots.
 */
const dovecot = useDovecot();
const sink = useSmtpSink();
const ACCOUNT = 'app-replies';
const REPLY_ADDRESS = 'replies@example.com';
const LIMIT = 256 * 1024;
const { strapi, api, auth, service } = useAdminApp({
  env: () => ({
    ...inboundEnv(sink().port, {
      limits: { maxMessageBytes: LIMIT },
      mailboxes: [
        {
          name: 'replies',
          purpose: 'replies',
          host: dovecot().host,
          port: dovecot().port,
          secure: false,
          ...dovecot().user(ACCOUNT),
          after: 'flag',
          errorFolder: 'Rejected',
          // New mail reaches the app through IDLE: polling would wait an hour.
          pollSeconds: 3600,
        },
      ],
    }),
    CAMPAIGNS_REPLY_ADDRESS: REPLY_ADDRESS,
    // The owner's notification is tried again after this (then twice as long): the refusal below costs a second.
    CAMPAIGNS_RETRY_DELAY_SECONDS: '0.5',
  }),
});

const knex = () => strapi().db.connection;
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

const heard: Array<Record<string, unknown>> = [];
// The editor's toggle on the Settings page (the plugin option `replies.notifyOwner` is left off here).
beforeAll(async () => {
  const settings = await api().get('/campaigns/settings/site').set(auth()).expect(200);
  await api()
    .put('/campaigns/settings/site')
    .set(auth())
    .send({ data: { ...settings.body.data, replies: { notifyOwner: true } } })
    .expect(200);
});
beforeAll(() => {
  strapi().eventHub.on('campaigns.reply', async (payload: Record<string, unknown>) => {
    heard.push(payload);
  });
});
/** The `campaigns.reply` events announced so far (they go out after the row is stored). */
const heardReplies = async () => {
  await rootOf(strapi()).announce.settled();
  return [...heard];
};

interface Sent {
  id: number;
  campaignId: number;
  contactId: number;
  email: string;
  messageId: string;
  verp: string;
  replyTo: string;
}

/** Contacts, a segment of them and a campaign created by the super admin through the admin API, sent to the sink. */
const sendAsAdmin = async (name: string, emails: string[], campaign: Record<string, unknown> = {}) => {
  const tag = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  for (const email of emails) await service('contacts').create({ email, attributes: { batch: tag } });
  const segment = await service('segments').create({
    name: `Segment ${name}`,
    rules: { match: 'all', rules: [{ field: 'attribute', path: 'batch', operator: 'eq', value: tag }] },
  });
  const created = await api()
    .post('/campaigns/campaigns')
    .set(auth())
    .send({
      data: {
        name,
        subject: 'Autumn news',
        fromName: 'Northwind Coffee',
        fromEmail: 'news@example.com',
        contentFormat: 'mjml',
        content: NEWSLETTER,
        segment: segment.documentId,
        ...campaign,
      },
    });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  await service('sending').sendNow(documentId);
  await waitForProgress(strapi(), documentId, finished);
  const rows = await knex()(TABLES.deliveries).whereIn('email', emails);
  const sent: Record<string, Sent> = {};
  for (const row of rows) {
    const [message] = sink().to(row.email);
    const parsed = await sink().parse(message);
    sent[row.email] = {
      id: Number(row.id),
      campaignId: Number(row.campaign_id),
      contactId: Number(row.contact_id),
      email: row.email,
      messageId: row.message_id,
      verp: message.mailFrom,
      replyTo: parsed.replyTo?.value[0]?.address ?? '',
    };
  }
  return { documentId, sent };
};

interface MailParts {
  from: string;
  fromName?: string;
  messageId: string;
  subject?: string;
  /** Where the mail was delivered (Delivered-To); the shared inbox's own address unless said. */
  deliveredTo?: string;
  inReplyTo?: string;
  references?: string;
  headers?: string[];
  body: string[];
}

const mail = (m: MailParts) =>
  [
    `Delivered-To: ${m.deliveredTo ?? REPLY_ADDRESS}`,
    `From: ${m.fromName ? `${m.fromName} <${m.from}>` : m.from}`,
    `To: Northwind Coffee <${m.deliveredTo ?? REPLY_ADDRESS}>`,
    `Subject: ${m.subject ?? 'Re: Autumn news'}`,
    // Now: return dates are read against the day a mail was written.
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${m.messageId}>`,
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    ...(m.headers ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...m.body,
    '',
  ].join('\r\n');

const append = (raw: string) => dovecot().append(ACCOUNT, 'INBOX', raw);
const checkpoint = async () => Number((await knex()(TABLES.mailboxCheckpoints).where({ mailbox: 'replies' }).first())?.last_uid ?? 0);
const readUpTo = (uid: number) => waitUntil(async () => (await checkpoint()) >= uid, `the replies mailbox to be read up to UID ${uid}`);
const repliesTo = (deliveryIds: number[]) => knex()(TABLES.replies).whereIn('delivery_id', deliveryIds).orderBy('id');
const noticesOf = (deliveryIds: number[]) => knex()(TABLES.inboundNotices).whereIn('delivery_id', deliveryIds);

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
    mail({
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
    mail({
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
    mail({
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
    mail({
      from: 'dan@refs.test',
      messageId: 'refs-only-1@refs.test',
      references: `<thread-start@refs.test> ${s('dan@refs.test').messageId}`,
      body: ['Is the autumn blend decaf too?', '', '> Hello Dan,'],
    })
  );
  // Eve answers from her home address.
  await append(
    mail({
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
    mail({
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
    mail({
      from: 'gus@plain.test',
      messageId: 'no-refs-1@plain.test',
      deliveredTo: s('gus@plain.test').replyTo,
      body: ['Count me in for the tasting on Saturday.', '', '> Hello Gus,'],
    })
  );
  // Nothing but the sender's address (a "Re:" that quotes, sent to the plain address): the latest delivery to it.
  const last = await append(
    mail({
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
  const stored = await dovecot().list(ACCOUNT, 'INBOX');
  expect(stored.filter((message) => message.uid <= last && message.flags.includes(PROCESSED_KEYWORD))).toHaveLength(8);
});

test('auto-replies in four languages keep their return dates, and returnDateOf answers the latest one while it is to come', async () => {
  const emails = ['olga@ooo.test', 'pia@ooo.test', 'quin@ooo.test', 'rosa@ooo.test', 'sam@ooo.test'];
  const { sent } = await sendAsAdmin('Away replies', emails);
  const s = (email: string) => sent[email];
  const auto = (email: string, id: string, subject: string, body: string[], deliveredTo = s(email).verp) =>
    mail({
      from: email,
      messageId: id,
      subject,
      deliveredTo,
      inReplyTo: s(email).messageId,
      headers: ['Auto-Submitted: auto-replied'],
      body,
    });

  await append(
    auto('olga@ooo.test', 'ooo-en@ooo.test', 'Out of Office: Autumn news', [
      `I am out of the office with limited access to email. I will be back on January 14, ${NEXT_YEAR}.`,
    ])
  );
  await append(
    auto('pia@ooo.test', 'ooo-fr@ooo.test', 'Réponse automatique : Autumn news', [
      `Bonjour, je suis absente. Je serai de retour le 15 janvier ${NEXT_YEAR}.`,
    ])
  );
  await append(
    auto('quin@ooo.test', 'ooo-de@ooo.test', 'Abwesenheitsnotiz: Autumn news', [`Ich bin ab dem 16. Januar ${NEXT_YEAR} wieder im Büro.`])
  );
  // Sent to the signed Reply-To rather than the Return-Path.
  await append(
    auto(
      'rosa@ooo.test',
      'ooo-es@ooo.test',
      'Respuesta automática: Autumn news',
      [`Estaré de vuelta el 17 de enero de ${NEXT_YEAR}.`],
      s('rosa@ooo.test').replyTo
    )
  );
  const last = await append(
    auto('sam@ooo.test', 'left-1@ooo.test', 'Automatic reply: Autumn news', [
      'Sam no longer works at Ooo Ltd. Please contact info@ooo.test instead.',
    ])
  );

  await readUpTo(last);
  const rows = await repliesTo(emails.map((email) => s(email).id));
  const byDelivery = new Map(rows.map((row) => [Number(row.delivery_id), row]));
  const row = (email: string) => byDelivery.get(s(email).id);
  expect(rows).toHaveLength(5);
  expect(row('olga@ooo.test')).toMatchObject({
    class: 'auto-reply',
    auto_reply_kind: 'out-of-office',
    return_date: `${NEXT_YEAR}-01-14`,
    matched_by: 'reply-address',
  });
  expect(row('pia@ooo.test')).toMatchObject({ class: 'auto-reply', auto_reply_kind: 'out-of-office', return_date: `${NEXT_YEAR}-01-15` });
  expect(row('quin@ooo.test')).toMatchObject({ class: 'auto-reply', auto_reply_kind: 'out-of-office', return_date: `${NEXT_YEAR}-01-16` });
  expect(row('rosa@ooo.test')).toMatchObject({ class: 'auto-reply', return_date: `${NEXT_YEAR}-01-17`, matched_by: 'reply-address' });
  expect(row('sam@ooo.test')).toMatchObject({ class: 'auto-reply', auto_reply_kind: 'left-company', return_date: null });

  // An auto-reply is no person's reply: no first reply time, no reply counted, no owner told.
  const deliveries = await knex()(TABLES.deliveries).whereIn(
    'id',
    emails.map((email) => s(email).id)
  );
  expect(deliveries.map((delivery) => delivery.first_reply_at)).toEqual(emails.map(() => null));
  expect(
    sink()
      .to(SUPER_ADMIN_EMAIL)
      .filter((message) => message.raw.includes('Away replies'))
  ).toEqual([]);

  expect(await service('replies').returnDateOf(s('pia@ooo.test').contactId)).toBe(`${NEXT_YEAR}-01-15`);
  expect(await service('replies').returnDateOf(s('sam@ooo.test').contactId)).toBeNull();
  // A later absence note replaces the earlier one, also when the date it names is past (it states none to wait for).
  const again = await append(
    auto('pia@ooo.test', 'ooo-fr-2@ooo.test', 'Réponse automatique : Autumn news', [`Je serai de retour le 3 février ${NEXT_YEAR}.`])
  );
  const past = await append(
    auto('quin@ooo.test', 'ooo-de-2@ooo.test', 'Abwesenheitsnotiz: Autumn news', ['Ich bin ab dem 2. Januar 2020 wieder im Büro.'])
  );
  await readUpTo(Math.max(again, past));
  expect(await service('replies').returnDateOf(s('pia@ooo.test').contactId)).toBe(`${NEXT_YEAR}-02-03`);
  expect(await service('replies').returnDateOf(s('quin@ooo.test').contactId)).toBeNull();
  await expect(service('replies').returnDateOf(0)).rejects.toThrow('contactId');
});

test('"remove me" mails unsubscribe their contact through the pipeline and are kept as unsubscribe requests', async () => {
  const { sent } = await sendAsAdmin('Remove replies', ['una@remove.test', 'vic@remove.test']);
  const una = sent['una@remove.test'];
  const vic = sent['vic@remove.test'];
  await append(
    mail({
      from: una.email,
      messageId: 'remove-en@remove.test',
      inReplyTo: una.messageId,
      body: ['Please remove me from your mailing list.', '', '> Hello Una,'],
    })
  );
  const last = await append(
    mail({
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

test('mail about none of our messages is left as it was: unread, unflagged, in the inbox, and nothing of it stored', async () => {
  const noticesBefore = Number((await knex()(TABLES.inboundNotices).count({ n: '*' }))[0].n);
  const rawBefore = Number((await knex()(TABLES.inboundRaw).count({ n: '*' }))[0].n);
  const private1 = await append(
    mail({
      from: 'friend@elsewhere.test',
      messageId: 'private-1@elsewhere.test',
      subject: 'Lunch on Friday?',
      body: ['Are we still on for lunch?'],
    })
  );
  // A reply in someone else's thread (its references are not ours), from an address we never mailed.
  const private2 = await append(
    mail({
      from: 'colleague@elsewhere.test',
      messageId: 'private-2@elsewhere.test',
      inReplyTo: '<budget-2027@elsewhere.test>',
      references: '<budget-2027@elsewhere.test>',
      subject: 'Re: Budget',
      body: ['Looks fine to me.', '', '> Here is the budget.'],
    })
  );

  await readUpTo(private2);
  const inbox = await dovecot().list(ACCOUNT, 'INBOX');
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
  const reply = mail({ from: wes.email, messageId: 'twice-1@twice.test', inReplyTo: wes.messageId, body: ['Thanks, got it.'] });
  const first = await append(reply);
  const second = await append(reply);
  const huge = await append(
    mail({ from: wes.email, messageId: 'huge-1@twice.test', inReplyTo: wes.messageId, body: Array(4000).fill('z'.repeat(76)) })
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
  const inbox = await dovecot().list(ACCOUNT, 'INBOX');
  expect(inbox.filter((m) => [first, second].includes(m.uid)).map((m) => m.flags.includes(PROCESSED_KEYWORD))).toEqual([true, true]);
  const unread = inbox.find((m) => m.uid === huge);
  expect(unread?.flags).not.toContain('\\Seen');
  expect(unread?.flags).not.toContain(PROCESSED_KEYWORD);
  expect(await dovecot().list(ACCOUNT, 'Rejected')).toEqual([]);

  // A run that died between the notice and its reply: the next reading of the mail writes the reply, for the same notice.
  const [stored] = await repliesTo([wes.id]);
  await knex()(TABLES.replies).where({ id: stored.id }).delete();
  await readUpTo(await append(reply));
  const [again] = await repliesTo([wes.id]);
  expect(again).toMatchObject({ notice_id: stored.notice_id, class: 'human', body_text: stored.body_text });
  expect(await noticesOf([wes.id])).toHaveLength(1);
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
    mail({
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
  const stranger = Buffer.from(mail({ from: 'nobody@elsewhere.test', messageId: 'raw-stranger@elsewhere.test', body: ['Hi'] }));
  const strangerPosted = await api()
    .post('/api/campaigns/inbound/mail')
    .set('Content-Type', 'message/rfc822')
    .set('X-Campaigns-Signature', rawMailSignature(INBOUND_SECRETS.rawMail, stranger))
    .send(stranger);
  expect(strangerPosted.status).toBe(202);
  expect(await knex()(TABLES.replies).where('from_address', 'nobody@elsewhere.test')).toEqual([]);
});
