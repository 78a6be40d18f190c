import { TABLES } from '../../../server/src/constants';
import { SUPER_ADMIN_EMAIL } from '../../helpers/admin';
import { replyMail, useRepliesMailbox } from '../../helpers/replies-mailbox';

/** Auto-replies in four languages and a "left the company" note: their return dates, and no person's reply counted. */
const { knex, service, sink, sendAsAdmin, append, readUpTo, repliesTo } = useRepliesMailbox();

const NEXT_YEAR = new Date().getUTCFullYear() + 1;

test('auto-replies in four languages keep their return dates, and returnDateOf answers the latest one while it is to come', async () => {
  const emails = ['olga@ooo.test', 'pia@ooo.test', 'quin@ooo.test', 'rosa@ooo.test', 'sam@ooo.test'];
  const { sent } = await sendAsAdmin('Away replies', emails);
  const s = (email: string) => sent[email];
  const auto = (email: string, id: string, subject: string, body: string[], deliveredTo = s(email).verp) =>
    replyMail({
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
