import { generateKeyPairSync } from 'node:crypto';
import { listHeaders } from '../../server/src/mail/list-headers';
import { buildMime } from '../../server/src/mail/mime';
import { createSmtpPool } from '../../server/src/mail/smtp-pool';
import type { OutgoingMessage, Transport } from '../../server/src/mail/transport';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

type DkimResult = { status: { result: string }; signingDomain: string; signingHeaders: { keys: string } };
// mailauth's main entry does not load on Node 20; its DKIM verifier does.
const { dkimVerify } = require('mailauth/lib/dkim/verify') as {
  dkimVerify(
    message: string,
    options: { resolver: (name: string, type: string) => Promise<string[][]> }
  ): Promise<{ results: DkimResult[] }>;
};

const SELECTOR = 'campaigns2026';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dkim = {
  domainName: 'example.com',
  keySelector: SELECTOR,
  privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};
const resolver = async (name: string, type: string) => {
  if (name === `${SELECTOR}._domainkey.example.com` && type === 'TXT')
    return [[`v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
};

const smtpOptions = (port: number) => ({
  host: '127.0.0.1',
  port,
  secure: false,
  requireTLS: false,
  ignoreTLS: true,
  rejectUnauthorized: true,
  pool: true,
  maxConnections: 1,
  maxMessages: 10,
});

/** A campaign message as composeMessage builds it: bulk headers, a long accented subject, accented bodies. */
const campaignMessage = async (pool: Transport, to: string): Promise<OutgoingMessage> => {
  const eightBit = (await pool.supports8BitMime?.()) ?? false;
  const { raw, dataSafe } = buildMime(
    {
      from: { name: 'Zoë <ceo@spoofed.example>, Café', email: 'news@example.com' },
      to: { name: 'Ann Müller', email: to },
      replyTo: { email: 'hello@example.com' },
      subject: 'Herbstneuigkeiten für Ann: '.repeat(8),
      messageId: `<${to}@example.com>`,
      headers: listHeaders({
        unsubscribeUrl: `https://news.example.com/api/campaigns/t/u/${'t'.repeat(80)}`,
        unsubscribeMailto: 'unsubscribe@example.com',
        unsubscribeToken: 't'.repeat(80),
        campaignId: 7,
        variant: '',
        feedbackId: 'campaigns',
      }),
      text: 'Grüße, Zoë\nBis bald',
      html: '<p>Grüße — Zoë</p>',
    },
    eightBit
  );
  return { envelope: { from: 'bounces+1-abc@example.com', to }, raw, messageId: `<${to}@example.com>`, dataSafe };
};

const headerValue = (raw: string, name: string) =>
  new RegExp(`^${name}:(.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(raw.split('\r\n\r\n')[0])?.[1] ?? '';

describe('DKIM signing', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());
  beforeEach(() => sink.clear());

  test('the signature covers the address, date, id and bulk headers, passes, and breaks when any of them changes', async () => {
    const pool = createSmtpPool(smtpOptions(sink.port), dkim);
    await pool.send(await campaignMessage(pool, 'ann@example.org'));
    await pool.close();
    const [{ raw }] = sink.received;

    const [result] = (await dkimVerify(raw, { resolver })).results;
    expect(result.status.result).toBe('pass');
    expect(result.signingDomain).toBe('example.com');
    const signed = result.signingHeaders.keys.toLowerCase().split(/:\s*/);
    for (const name of [
      'from',
      'to',
      'subject',
      'date',
      'message-id',
      'list-unsubscribe',
      'list-unsubscribe-post',
      'feedback-id',
      'precedence',
    ]) {
      expect(signed).toContain(name);
    }

    // Changing a signed header's value fails verification.
    for (const name of ['Feedback-ID', 'Precedence', 'List-Unsubscribe-Post', 'List-Unsubscribe', 'Subject', 'From', 'To']) {
      const value = headerValue(raw, name);
      expect(value).not.toBe('');
      const changed = raw.replace(`${name}:${value}`, `${name}:${value}x`);
      expect((await dkimVerify(changed, { resolver })).results[0].status.result).toBe('fail');
    }
  });

  test('with DKIM on, bodies go 7-bit safe (base64) even to a server announcing 8BITMIME, and still pass', async () => {
    const pool = createSmtpPool(smtpOptions(sink.port), dkim);
    expect(await pool.supports8BitMime?.()).toBe(false);
    await pool.send(await campaignMessage(pool, 'seven@example.org'));
    await pool.close();
    const [received] = sink.received;
    expect(received.raw).not.toMatch(/\P{ASCII}/u);
    expect(received.raw).not.toMatch(/Content-Transfer-Encoding: 8bit/i);
    expect(received.body).not.toBe('8BITMIME');
    const mail = await sink.parse(received);
    expect(mail.html).toBe('<p>Grüße — Zoë</p>');
    expect((await dkimVerify(received.raw, { resolver })).results[0].status.result).toBe('pass');
  });

  test('a site that opts in (dkim.allowEightBit) signs 8bit bodies', async () => {
    const pool = createSmtpPool(smtpOptions(sink.port), { ...dkim, allowEightBit: true });
    expect(await pool.supports8BitMime?.()).toBe(true);
    await pool.send(await campaignMessage(pool, 'eight@example.org'));
    await pool.close();
    const [received] = sink.received;
    expect(received.body).toBe('8BITMIME');
    expect(received.raw).toContain('<p>Grüße — Zoë</p>');
    expect((await dkimVerify(received.raw, { resolver })).results[0].status.result).toBe('pass');
  });
});
