import { ClassifyTimeoutError, DEFAULT_CLASSIFY_LIMITS, classifyInboundMessage } from '..';

/**
 * Hostile and broken mail, generated here rather than committed: each must classify within the
 * limits (or stop with ClassifyTimeoutError), never hang nor blow the stack.
 */

// Generous: these tests prove the limits hold, not how fast a busy CI machine is.
const patient = { timeLimitMs: 60_000 };

const bounceHead = (contentType: string) =>
  [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
    'To: bounce-abc@mail.shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Message-ID: <hostile@mx.example.net>',
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    '',
    '',
  ].join('\r\n');

const notice = '<kim@dest.example>: host mx.dest.example said: 550 5.1.1 User unknown (in reply to RCPT TO command)\r\n';

it('reads a 50 MB message from its first maxBytes only', async () => {
  const filler = Buffer.alloc(50 * 1024 * 1024, 'A quoted line of the returned message.\r\n');
  const raw = Buffer.concat([Buffer.from(bounceHead('text/plain') + notice + '\r\n'), filler]);
  const result = await classifyInboundMessage(raw, patient);
  expect(result).toMatchObject({ kind: 'bounce', recipients: ['kim@dest.example'], reason: 'userunknown', bounceType: 'hard' });
});

it('does not descend past maxDepth into a message nested 1,000 deep', async () => {
  let body = `--b999\r\nContent-Type: text/plain\r\n\r\n${notice}\r\n--b999--\r\n`;
  for (let depth = 998; depth >= 0; depth -= 1)
    body = `--b${depth}\r\nContent-Type: multipart/mixed; boundary="b${depth + 1}"\r\n\r\n${body}\r\n--b${depth}--\r\n`;
  const raw = bounceHead('multipart/mixed; boundary="b0"') + body;
  const shallow = await classifyInboundMessage(raw, patient);
  expect(shallow.kind).toBe('bounce');
  expect(shallow.recipients).toEqual([]);
  const deep = await classifyInboundMessage(raw, { ...patient, maxDepth: 1001, maxParts: 2000 });
  expect(deep.recipients).toEqual(['kim@dest.example']);
});

it('reads no more than maxParts of 100,000 parts', async () => {
  const part = '--p\r\nContent-Type: text/plain\r\n\r\nnothing to see\r\n';
  const raw =
    bounceHead('multipart/mixed; boundary="p"') + part.repeat(100_000) + `--p\r\nContent-Type: text/plain\r\n\r\n${notice}--p--\r\n`;
  expect((await classifyInboundMessage(raw, patient)).recipients).toEqual([]);
  expect((await classifyInboundMessage(raw, { ...patient, maxParts: 200_000 })).recipients).toEqual(['kim@dest.example']);
});

it('cuts a 1 MB header block at maxHeaderBytes', async () => {
  const long = `X-Junk: ${'x'.repeat(1024 * 1024)}\r\n${'X-Many: y\r\n'.repeat(50_000)}`;
  const raw = long + bounceHead('text/plain') + notice;
  // Fields past the cut are not read; the body still is.
  expect(await classifyInboundMessage(raw, patient)).toMatchObject({ messageId: null, kind: 'bounce', recipients: ['kim@dest.example'] });
  const roomy = await classifyInboundMessage(raw, { ...patient, maxHeaderBytes: 4 * 1024 * 1024 });
  expect(roomy).toMatchObject({ messageId: '<hostile@mx.example.net>', kind: 'bounce', recipients: ['kim@dest.example'] });
});

it('survives unknown charsets, broken base64 and quoted-printable, bad encoded words and raw 8-bit bytes', async () => {
  const raw = Buffer.concat([
    Buffer.from(
      [
        'From: =?x-klingon?Q?Mail=ZZDelivery?= <MAILER-DAEMON@mx.example.net>',
        'Subject: =?utf-8?B?!!!notbase64?= Undelivered Mail',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="z"',
        '',
        '--z',
        'Content-Type: text/plain; charset="x-no-such-charset"',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '<kim@dest.example>: said: 550 5.1.1 User unknown =ZZ =\r',
        '--z',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        '@@@@ not base64 at all ####',
        '--z',
        'Content-Type: text/plain',
        '',
        '',
      ].join('\n')
    ),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0x0a]),
    Buffer.from('--z--\n'),
  ]);
  const result = await classifyInboundMessage(raw);
  expect(result).toMatchObject({ kind: 'bounce', recipients: ['kim@dest.example'], reason: 'userunknown' });
});

it('stops with ClassifyTimeoutError past timeLimitMs', async () => {
  const part = '--p\r\nContent-Type: text/plain\r\n\r\n550 user unknown <a@b.example>\r\n';
  const raw = bounceHead('multipart/mixed; boundary="p"') + part.repeat(200_000);
  await expect(classifyInboundMessage(raw, { timeLimitMs: 1, maxParts: 1_000_000 })).rejects.toThrow(ClassifyTimeoutError);
});

it('says which limit is wrong', async () => {
  await expect(classifyInboundMessage('', { maxDepth: 0 })).rejects.toThrow('classify limit "maxDepth" must be a positive integer, got 0');
  expect(DEFAULT_CLASSIFY_LIMITS).toEqual({
    maxBytes: 10 * 1024 * 1024,
    maxDepth: 20,
    maxParts: 500,
    maxHeaderBytes: 256 * 1024,
    timeLimitMs: 5000,
  });
});

it('classifies an empty message as unknown', async () => {
  expect((await classifyInboundMessage(Buffer.alloc(0))).kind).toBe('unknown');
});
