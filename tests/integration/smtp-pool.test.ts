import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import { buildMime } from '../../server/src/mail/mime';
import { createSmtpPool } from '../../server/src/mail/smtp-pool';
import { classifyFailure, type OutgoingMessage } from '../../server/src/mail/transport';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const { dkimVerify } = require('mailauth/lib/dkim/verify') as {
  dkimVerify(
    message: string,
    options: { resolver: (name: string, type: string) => Promise<string[][]> }
  ): Promise<{ results: Array<{ status: { result: string }; signingDomain: string; selector: string }> }>;
};

const smtpOptions = (port: number) => ({
  host: '127.0.0.1',
  port,
  secure: false,
  requireTLS: false,
  ignoreTLS: true,
  rejectUnauthorized: true,
  pool: true,
  maxConnections: 2,
  maxMessages: 3,
});

const message = (to: string, html = '<p>Hi</p>', eightBit = false): OutgoingMessage => {
  const { raw, dataSafe } = buildMime(
    {
      from: { name: 'News', email: 'news@example.com' },
      to: { email: to },
      subject: 'Hello',
      messageId: `<${to}@example.com>`,
      text: 'Hi',
      html,
    },
    eightBit
  );
  return { envelope: { from: 'bounces+1-abc@example.com', to }, raw, messageId: `<${to}@example.com>`, dataSafe };
};

describe('the SMTP pool', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());
  beforeEach(() => sink.clear());

  test('DKIM-signs every message so that a verifier holding the public key accepts it', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pool = createSmtpPool(smtpOptions(sink.port), {
      domainName: 'example.com',
      keySelector: 'mail2026',
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    await pool.send(message('dkim@example.org'));
    await pool.close();
    const [received] = sink.received;
    expect(received.raw).toMatch(/^DKIM-Signature: .*d=example\.com/m);
    const publicDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const resolver = async (name: string, type: string) => {
      if (name === 'mail2026._domainkey.example.com' && type === 'TXT') return [[`v=DKIM1; k=rsa; p=${publicDer}`]];
      throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
    };
    const verdict = await dkimVerify(received.raw, { resolver });
    expect(verdict.results.map((r) => [r.status.result, r.signingDomain, r.selector])).toEqual([['pass', 'example.com', 'mail2026']]);
    const tampered = await dkimVerify(received.raw.replace('<p>Hi</p>', '<p>Hi!</p>'), { resolver });
    expect(tampered.results[0].status.result).not.toBe('pass');
  });

  test('asks the server for 8BITMIME once, and declares it with MAIL FROM; a server without it is told no', async () => {
    const pool = createSmtpPool(smtpOptions(sink.port));
    expect(await pool.supports8BitMime?.()).toBe(true);
    await pool.send(message('utf8@example.org', '<p>Grüße — Zoë</p>', true));
    await pool.close();
    const [received] = sink.received;
    expect(received.body).toBe('8BITMIME');
    expect(received.raw).toContain('Content-Transfer-Encoding: 8bit');
    expect((await sink.parse(received)).html).toBe('<p>Grüße — Zoë</p>');

    const old = await startSmtpSink({ hide8BitMime: true });
    try {
      const oldPool = createSmtpPool(smtpOptions(old.port));
      expect(await oldPool.supports8BitMime?.()).toBe(false);
      await oldPool.close();
    } finally {
      await old.close();
    }
  });

  test('a message arrives byte for byte whether DATA-safe or with lines that SMTP must escape', async () => {
    const pool = createSmtpPool(smtpOptions(sink.port));
    const plain = buildMime({
      from: { email: 'news@example.com' },
      to: { email: 'safe@example.org' },
      subject: 'Hi',
      messageId: '<s@example.com>',
      text: 'Hi',
      html: '<p>Hi</p>',
    });
    const dotted = buildMime({
      from: { email: 'news@example.com' },
      to: { email: 'dots@example.org' },
      subject: 'Hi',
      messageId: '<d@example.com>',
      text: '.\n..two\n.',
      html: '.x { color: red }',
    });
    expect([plain.dataSafe, dotted.dataSafe]).toEqual([true, false]);
    await pool.send({
      envelope: { from: 'b@example.com', to: 'safe@example.org' },
      raw: plain.raw,
      messageId: '<s@example.com>',
      dataSafe: plain.dataSafe,
    });
    await pool.send({
      envelope: { from: 'b@example.com', to: 'dots@example.org' },
      raw: dotted.raw,
      messageId: '<d@example.com>',
      dataSafe: dotted.dataSafe,
    });
    await pool.close();
    expect(sink.received.map((m) => m.raw)).toEqual([plain.raw.toString(), dotted.raw.toString()]);
    expect((await sink.parse(sink.received[1])).text).toBe('.\n..two\n.');
  });

  test('reuses a connection for maxMessages messages, and resets one after a refused recipient', async () => {
    const pool = createSmtpPool(smtpOptions(sink.port));
    sink.behave('no@example.org', () => ({ rcpt: 550, message: '5.1.1 User unknown' }));
    const refused = await pool.send(message('no@example.org')).catch((error: unknown) => error);
    expect(classifyFailure(refused)).toMatchObject({ outcome: 'failed', responseCode: 550 });
    for (const n of [1, 2, 3, 4, 5, 6]) await pool.send(message(`ok${n}@example.org`));
    await pool.close();
    expect(sink.received.map((m) => m.rcptTo[0])).toEqual([
      'ok1@example.org',
      'ok2@example.org',
      'ok3@example.org',
      'ok4@example.org',
      'ok5@example.org',
      'ok6@example.org',
    ]);
    // A refused recipient does not use up a connection's quota: three messages on each of two connections.
    expect(sink.connections).toBe(2);
  });

  test('tells a message that never left (retry) from one that may have arrived (unknown)', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const nobody = createSmtpPool(smtpOptions(closedPort));
    expect(classifyFailure(await nobody.send(message('a@example.org')).catch((e: unknown) => e)).outcome).toBe('retry');
    await nobody.close();

    const pool = createSmtpPool(smtpOptions(sink.port));
    sink.behave('drop@example.org', () => ({ dropAfterData: true }));
    sink.behave('later@example.org', () => ({ rcpt: 451, message: '4.7.1 Greylisted' }));
    // The send must fail, and say the body went out: classifyFailure answers unknown for anything unmarked.
    const dropped = await pool.send(message('drop@example.org')).then(
      () => 'accepted',
      (e: unknown) => e
    );
    expect(dropped).toMatchObject({ dataSent: true });
    expect(classifyFailure(dropped).outcome).toBe('unknown');
    expect(classifyFailure(await pool.send(message('later@example.org')).catch((e: unknown) => e))).toMatchObject({
      outcome: 'retry',
      responseCode: 451,
    });
    await pool.send(message('after@example.org'));
    await pool.close();
    expect(sink.received.map((m) => m.rcptTo[0])).toEqual(['drop@example.org', 'after@example.org']);
  });
});
