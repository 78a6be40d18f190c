import fs from 'node:fs';
import path from 'node:path';
import { classifyInboundMessage } from '../../../inbound/classifier';
import { readReply, type ReplyReading } from '..';

const FIXTURES = path.resolve(__dirname, '../../../../../../tests/fixtures/replies');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const read = async (raw: Buffer | string, options?: { now?: number; maxBytes?: number }) =>
  readReply(raw, await classifyInboundMessage(raw), options);

type Expected = Pick<ReplyReading, 'class' | 'autoReplyKind' | 'returnDate' | 'forwarded' | 'text'> & {
  kind: string;
  from: ReplyReading['from'];
  answers: string | null;
  quoted: boolean;
};

const CASES: Record<string, Expected> = {
  'gmail-reply.eml': {
    kind: 'reply',
    class: 'human',
    autoReplyKind: null,
    returnDate: null,
    forwarded: false,
    from: { email: 'bob.miller@gmail.test', name: 'Bob Miller' },
    answers: '<c1.r101.k7f3a@campaigns.test>',
    text: 'Hi Anna,\n\nThanks for the update. Could we set up a call next week about the new\ndashboard? Thursday afternoon works best for me.',
    quoted: true,
  },
  'outlook-reply.eml': {
    kind: 'reply',
    class: 'human',
    autoReplyKind: null,
    returnDate: null,
    forwarded: false,
    from: { email: 'claire.dupont@contoso.test', name: 'Dupont, Claire' },
    answers: '<c1.r102.p2d8e@campaigns.test>',
    text: 'Hello Anna,\n\nPlease send me the price list for the Enterprise plan, we would like to order before the end of the year.',
    quoted: true,
  },
  'apple-mail-reply.eml': {
    kind: 'reply',
    class: 'human',
    autoReplyKind: null,
    returnDate: null,
    forwarded: false,
    from: { email: 'lena.vogel@icloud.test', name: 'Lena Vogel' },
    answers: '<c1.r103.q9a1c@campaigns.test>',
    text: 'Hi Anna,\n\nthe new export is great. Does it also work for the archive from 2025?\n\nLena',
    quoted: true,
  },
  'references-only.eml': {
    kind: 'reply',
    class: 'human',
    autoReplyKind: null,
    returnDate: null,
    forwarded: false,
    from: { email: 'm.rossi@example-mail.test', name: 'Marco Rossi' },
    answers: '<c1.r104.z3b7d@campaigns.test>',
    text: 'Hello Anna,\n\nis the faster export included in the Basic plan too?\n\nThanks,\nMarco',
    quoted: true,
  },
  'other-address.eml': {
    kind: 'reply',
    class: 'human',
    autoReplyKind: null,
    returnDate: null,
    forwarded: false,
    from: { email: 'sam.taylor@home-mail.test', name: 'Sam Taylor' },
    answers: '<c1.r105.m4e2f@campaigns.test>',
    text: 'Writing from my personal address: please count me in for the webinar on\nthe new dashboard.\n\nSam',
    quoted: true,
  },
  'forwarded.eml': {
    kind: 'reply',
    class: 'human',
    autoReplyKind: null,
    returnDate: null,
    forwarded: true,
    from: { email: 'peter.lang@firma.test', name: 'Peter Lang' },
    answers: '<c1.r106.f8c1a@campaigns.test>',
    text: 'Forwarding this to our purchasing team, please put them on the list too:\neinkauf@firma.test\n\nPeter',
    quoted: true,
  },
  'ooo-en.eml': {
    kind: 'auto-reply',
    class: 'auto-reply',
    autoReplyKind: 'out-of-office',
    // "until Friday, December 11": the first working day after it.
    returnDate: '2026-12-14',
    forwarded: false,
    from: { email: 'james.carter@northwind.test', name: 'James Carter' },
    answers: '<c1.r107.a1b2c@campaigns.test>',
    text: 'Thank you for your message.\n\nI am out of the office until Friday, December 11, with limited access to email.\nFor urgent matters please contact support@northwind.test.\n\nJames',
    quoted: false,
  },
  'ooo-fr.eml': {
    kind: 'auto-reply',
    class: 'auto-reply',
    autoReplyKind: 'out-of-office',
    // "De retour le lundi 21 décembre" wins over the range "du 7 au 18 décembre".
    returnDate: '2026-12-21',
    forwarded: false,
    from: { email: 'camille.martin@exemple.test', name: 'Camille Martin' },
    answers: '<c1.r108.b2c3d@campaigns.test>',
    text: 'Bonjour,\n\nJe suis absente du 7 au 18 décembre. De retour le lundi 21 décembre, je traiterai votre message dès mon retour.',
    quoted: false,
  },
  'ooo-de.eml': {
    kind: 'auto-reply',
    class: 'auto-reply',
    autoReplyKind: 'out-of-office',
    // "bis zum 15.12.2026" (a Tuesday): back the next day.
    returnDate: '2026-12-16',
    forwarded: false,
    from: { email: 'jonas.weber@beispiel.test', name: 'Jonas Weber' },
    answers: '<c1.r109.c3d4e@campaigns.test>',
    text: 'Guten Tag,\n\nich bin bis zum 15.12.2026 nicht im Büro und habe keinen Zugriff auf meine E-Mails. Ihre Nachricht wird nicht weitergeleitet.\nIn dringenden Fällen wenden Sie sich bitte an info@beispiel.test.',
    quoted: false,
  },
  'ooo-es.eml': {
    kind: 'auto-reply',
    class: 'auto-reply',
    autoReplyKind: 'out-of-office',
    // "hasta el 8 de enero de 2027", a Friday: back on Monday.
    returnDate: '2027-01-11',
    forwarded: false,
    from: { email: 'lucia.fernandez@ejemplo.test', name: 'Lucía Fernández' },
    answers: '<c1.r110.d4e5f@campaigns.test>',
    text: 'Hola,\n\nEstaré fuera de la oficina hasta el 8 de enero de 2027, sin acceso al correo.\nPara asuntos urgentes, escriba a ventas@ejemplo.test.',
    quoted: false,
  },
  'left-company.eml': {
    kind: 'auto-reply',
    class: 'auto-reply',
    autoReplyKind: 'left-company',
    returnDate: null,
    forwarded: false,
    from: { email: 'olivia.brown@fabrikam.test', name: 'Olivia Brown' },
    answers: '<c1.r111.e5f6a@campaigns.test>',
    text: 'Olivia Brown is no longer with Fabrikam and this mailbox is not monitored.\nPlease contact hello@fabrikam.test for any enquiries.',
    quoted: false,
  },
  'ticket-ack.eml': {
    kind: 'auto-reply',
    class: 'auto-reply',
    autoReplyKind: 'ticket',
    returnDate: null,
    forwarded: false,
    from: { email: 'support@helpdesk.test', name: 'Wingtip Support' },
    answers: '<c1.r112.f6a7b@campaigns.test>',
    text: '##- Please type your reply above this line -##\n\nYour request (4711) has been received and is being reviewed by our support staff.\n\nTo add additional comments, reply to this email.\n\nWingtip Support',
    quoted: false,
  },
  'remove-me-en.eml': {
    kind: 'unsubscribe-request',
    class: 'unsubscribe-request',
    autoReplyKind: null,
    returnDate: null,
    forwarded: false,
    from: { email: 'grumpy.reader@mailbox.test', name: 'Gary Reader' },
    answers: '<c1.r113.a7b8c@campaigns.test>',
    text: 'Please remove me from your mailing list.',
    quoted: true,
  },
  'remove-me-de.eml': {
    kind: 'unsubscribe-request',
    class: 'unsubscribe-request',
    autoReplyKind: null,
    returnDate: null,
    forwarded: false,
    from: { email: 'h.mueller@posteingang.test', name: 'Hans Müller' },
    answers: '<c1.r114.b8c9d@campaigns.test>',
    text: 'Bitte tragen Sie mich aus Ihrem Verteiler aus, ich möchte mich abmelden.\n\nHans Müller',
    quoted: true,
  },
  'unrelated.eml': {
    kind: 'unknown',
    class: 'unknown',
    autoReplyKind: null,
    returnDate: null,
    forwarded: false,
    from: { email: 'digest@weekly-digest.test', name: 'Weekly Digest' },
    answers: null,
    text: 'This week in review\n\n1. How teams plan their year\n2. Five tools for better meetings\n3. The state of remote work\n\nRead more at https://weekly-digest.test/issues/49\n\nYou receive this because you subscribed at weekly-digest.test.\nUnsubscribe: https://weekly-digest.test/u/7731',
    quoted: false,
  },
};

it('has a case for every fixture', () => {
  expect(
    fs
      .readdirSync(FIXTURES)
      .filter((name) => name.endsWith('.eml'))
      .sort()
  ).toEqual(Object.keys(CASES).sort());
});

describe.each(Object.entries(CASES))('%s', (name, expected) => {
  it('is classified and read as expected', async () => {
    const raw = fixture(name);
    const classification = await classifyInboundMessage(raw);
    expect(classification.kind).toBe(expected.kind);
    expect(classification.originalMessageId).toBe(expected.answers);
    const reading = await readReply(raw, classification);
    expect(reading).toMatchObject({
      class: expected.class,
      autoReplyKind: expected.autoReplyKind,
      returnDate: expected.returnDate,
      forwarded: expected.forwarded,
      from: expected.from,
      text: expected.text,
    });
    expect(reading.quoted !== '').toBe(expected.quoted);
    expect(reading.snippet).toBe(
      expected.text
        .replace(/\s+/g, ' ')
        .slice(0, 160)
        .replace(/ \S*$/, (tail) => (expected.text.replace(/\s+/g, ' ').length > 160 ? '…' : tail))
    );
    expect(reading.snippet.length).toBeLessThanOrEqual(160);
  });

  it('reads the same with CRLF line ends', async () => {
    const raw = fixture(name).toString('latin1').replace(/\r?\n/g, '\r\n');
    const reading = await read(Buffer.from(raw, 'latin1'));
    expect(reading.text).toBe(expected.text);
  });
});

it('keeps the stripped parts of each client apart', async () => {
  const outlook = await read(fixture('outlook-reply.eml'));
  expect(outlook.signature).toBe('Kind regards\nClaire Dupont\nHead of Purchasing | Contoso\n+33 1 23 45 67 89');
  expect(outlook.quoted).toMatch(/^_{32}\nFrom: Anna Schmidt <news@campaigns.test>\nSent: Thursday, December 3, 2026 10:00 AM\n/);
  const apple = await read(fixture('apple-mail-reply.eml'));
  expect(apple.signature).toBe('Sent from my iPhone');
  expect(apple.quoted).toMatch(/^> On 3 Dec 2026, at 10:00, Anna Schmidt <news@campaigns.test> wrote:/);
  expect((await read(fixture('ooo-de.eml'))).signature).toBe('Mit freundlichen Grüßen\nJonas Weber');
  expect((await read(fixture('ooo-es.eml'))).signature).toBe('Un saludo,\nLucía Fernández');
  const gmail = await read(fixture('gmail-reply.eml'));
  expect(gmail.signature).toBe('Best regards,\nBob');
  expect(gmail.quoted).toMatch(/^On Thu, Dec 3, 2026 at 10:00\u202fAM Anna Schmidt <news@campaigns.test>\nwrote:\n\n> Hello Bob,/);
  expect(gmail.snippet).toBe(
    'Hi Anna, Thanks for the update. Could we set up a call next week about the new dashboard? Thursday afternoon works best for me.'
  );
});

describe('bad input', () => {
  const reply = (classificationKind: 'reply' | 'auto-reply' = 'reply') => ({
    kind: classificationKind,
    recipients: ['someone@example.test'],
    bounceType: null,
    reason: null,
    status: null,
    diagnostic: null,
    originalMessageId: null,
    feedbackType: null,
    details: [],
    envelopeRecipients: [],
    referencedMessageIds: [],
    messageId: null,
  });

  it('reads an empty buffer as an empty mail of the writer the classifier found', async () => {
    expect(await readReply(Buffer.alloc(0), reply())).toEqual({
      class: 'human',
      autoReplyKind: null,
      from: { email: 'someone@example.test', name: null },
      subject: '',
      text: '',
      quoted: '',
      signature: '',
      snippet: '',
      returnDate: null,
      forwarded: false,
    });
  });

  it('has an empty address when neither the mail nor the classifier names a writer', async () => {
    const raw = 'Subject: Re: hello\nMessage-ID: <x@example.test>\n\nThanks!\n';
    const classification = await classifyInboundMessage(raw);
    expect((await readReply(raw, { ...classification, recipients: [] })).from).toEqual({ email: '', name: null });
  });

  it('reads garbage bytes without throwing', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const reading = await read(garbage);
    expect(reading.class).toBe('unknown');
    expect(typeof reading.text).toBe('string');
  });

  it('reads only the first maxBytes of a huge mail', async () => {
    const head =
      'From: Big <big@example.test>\nSubject: Re: update\nIn-Reply-To: <c9@campaigns.test>\nContent-Type: text/plain\n\nShort answer.\n\n';
    const huge = Buffer.concat([Buffer.from(head), Buffer.alloc(30 * 1024 * 1024, 'x')]);
    const started = Date.now();
    const reading = await readReply(huge, reply(), { maxBytes: 64 * 1024 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(reading.text.startsWith('Short answer.')).toBe(true);
    expect(reading.text.length).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses a bad limit and a non-buffer input', async () => {
    await expect(readReply('x', reply(), { maxBytes: 0 })).rejects.toThrow(/maxBytes/);
    await expect(readReply(42 as unknown as string, reply())).rejects.toThrow(/Buffer or a string/);
  });

  it('gives an HTML-only reply its text through the HTML conversion', async () => {
    const raw = [
      'From: Eve <eve@example.test>',
      'Subject: RE: update',
      'In-Reply-To: <c10@campaigns.test>',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><body><p>Yes, <b>please</b> call me.</p><div id="divRplyFwdMsg"><hr><b>From:</b> Anna &lt;news@campaigns.test&gt;<br><b>Sent:</b> Thursday, December 3, 2026<br><b>Subject:</b> update</div><p>Hello Eve</p></body></html>',
    ].join('\n');
    const reading = await read(raw);
    expect(reading.text).toBe('Yes, please call me.');
    expect(reading.quoted).toMatch(/From: Anna <news@campaigns.test>/);
  });

  it('ignores a return date before the mail was written, and uses options.now without a Date header', async () => {
    const body = (date: string) =>
      `From: Al <al@example.test>\nSubject: Out of office\nAuto-Submitted: auto-replied\n${date}Content-Type: text/plain\n\nI am out of the office and back on 10 March 2026.\n`;
    expect((await read(body('Date: Thu, 3 Dec 2026 10:00:00 +0000\n'))).returnDate).toBeNull();
    expect((await read(body(''), { now: Date.parse('2026-03-01T00:00:00Z') })).returnDate).toBe('2026-03-10');
  });
});
