import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rawMailSignature } from '../../../server/src/features/inbound/raw-mail';
import { INBOUND_SECRETS } from '../../helpers/inbound';
import { useGroupApp } from '../../helpers/integration-group';
import { ROOT } from '../../helpers/paths';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';

/**
 * POST /api/campaigns/inbound/mail through the real app, and the shell script an MTA's pipe runs
 * (bin/campaigns-post-mail.sh: openssl for the HMAC, curl for the POST) against it on a real port.
 */
const { strapi, service, api, sink } = useGroupApp();

const knex = () => strapi().db.connection;
const MAIL = '/api/campaigns/inbound/mail';
const SCRIPT = path.join(ROOT, 'bin', 'campaigns-post-mail.sh');
const people = [{ email: 'gus@rawmail.test' }, { email: 'hal@rawmail.test' }];
/** The VERP envelope sender and Message-ID each recipient's message went out with. */
const sent: Record<string, { verp: string; messageId: string; deliveryId: number }> = {};

/** Rows of a table matching `where` (PostgreSQL answers counts as strings). */
const countOf = async (table: string, where: Record<string, string> = {}) =>
  Number((await knex()(table).where(where).count({ n: '*' }).first())!.n);

let server: Server;
let workDir: string;
let secretFile: string;

/** Signed with the group's secret unless given another signature, or null for none. */
const post = (body: Buffer, signature: string | null = rawMailSignature(INBOUND_SECRETS.rawMail, body), type = 'message/rfc822') => {
  const req = api().post(MAIL).set('Content-Type', type);
  return (signature ? req.set('X-Campaigns-Signature', signature) : req).send(body);
};

/** A Postfix-style RFC 3464 report of a permanent failure, sent back to the message's VERP address. */
const dsnFor = (email: string, { verp, messageId }: { verp: string; messageId: string }) =>
  Buffer.from(
    [
      'Return-Path: <>',
      `Delivered-To: ${verp}`,
      'From: MAILER-DAEMON@mx.rawmail.test (Mail Delivery System)',
      `To: ${verp}`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <dsn-${messageId.slice(1, -1)}>`,
      'Date: Sat, 05 Dec 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      `<${email}>: host mx.rawmail.test said: 550 5.1.1 <${email}>: Recipient address rejected: User unknown`,
      '',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.rawmail.test',
      '',
      `Final-Recipient: rfc822; ${email}`,
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; 550 5.1.1 <${email}>: Recipient address rejected: User unknown`,
      '',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${messageId}`,
      `To: ${email}`,
      'Subject: Autumn news',
      '',
      '--b1--',
      '',
    ].join('\r\n')
  );

/** Runs the script as an MTA's pipe would: the mail on standard input; its exit status and standard error. */
const pipeMail = (mail: Buffer, secretPath = secretFile) =>
  new Promise<{ code: number; stderr: string }>((resolve) => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MAIL}`;
    const child = execFile('sh', [SCRIPT, url, secretPath], (error, _stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code) : 0, stderr })
    );
    child.stdin!.end(mail);
  });

beforeAll(async () => {
  const campaign = await seedCampaign(strapi(), 'Raw mail', people);
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  const rows = await knex()('campaigns_deliveries').whereIn(
    'email',
    people.map((p) => p.email)
  );
  for (const received of sink().received) {
    const row = rows.find((r) => r.email === received.rcptTo[0]);
    sent[row.email] = { verp: received.mailFrom, messageId: row.message_id, deliveryId: Number(row.id) };
  }
  server = createServer(strapi().server.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  workDir = mkdtempSync(path.join(tmpdir(), 'raw-mail-'));
  secretFile = path.join(workDir, 'secret');
  writeFileSync(secretFile, INBOUND_SECRETS.rawMail);
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('unsigned, wrongly signed and mistyped mail is refused, saying what to fix, and nothing is stored', async () => {
  const mail = dsnFor(people[0]!.email, sent[people[0]!.email]!);
  const unsigned = await post(mail, null);
  expect([unsigned.status, unsigned.body.error.message]).toEqual([
    401,
    'the x-campaigns-signature header is missing: send sha256=<hex HMAC-SHA256 of the body>',
  ]);
  const wrong = await post(mail, rawMailSignature('not-the-raw-mail-secret-000', mail));
  expect([wrong.status, wrong.body.error.message]).toEqual([401, 'the x-campaigns-signature signature does not match the body']);
  const retyped = await post(mail, null, 'text/plain');
  expect([retyped.status, retyped.body.error.message]).toEqual([415, 'send one raw mail as Content-Type: message/rfc822']);
  expect(await countOf('campaigns_inbound_notices')).toBe(0);
});

test('a 50 MB mail gets 413 before it is read, with or without a Content-Length', async () => {
  const huge = Buffer.alloc(50 * 1024 * 1024, 'a');
  const declared = await post(huge, 'sha256=00');
  expect([declared.status, declared.body.error.name]).toEqual([413, 'PayloadTooLargeError']);
  // Chunked: the cap is counted as the bytes come.
  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        path: MAIL,
        method: 'POST',
        headers: { 'Content-Type': 'message/rfc822', 'Transfer-Encoding': 'chunked' },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: res.statusCode!, body }));
      }
    );
    req.on('error', reject);
    for (let i = 0; i < 50; i++) req.write(huge.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
    req.end();
  });
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body).error.message).toMatch(/^the mail is larger than \d+ bytes$/);
});

test('the shell pipe posts a bounce: it is classified, suppresses the address and marks the contact; the same mail again changes nothing', async () => {
  const email = people[0]!.email;
  const mail = dsnFor(email, sent[email]!);
  expect(await pipeMail(mail)).toEqual({ code: 0, stderr: '' });
  const rows = await knex()('campaigns_inbound_notices').where({ origin: 'raw' });
  expect(rows.map((r) => [r.source, r.kind, r.bounce_type, r.email, Number(r.delivery_id), r.action])).toEqual([
    ['raw', 'bounce', 'hard', email, sent[email]!.deliveryId, 'suppressed'],
  ]);
  expect(await knex()('campaigns_suppressions').where({ email }).select('reason')).toEqual([{ reason: 'hard-bounce' }]);
  expect((await knex()('campaigns_contacts').where({ email }).first()).state).toBe('bounced');

  const again = await post(mail);
  expect([again.status, again.body.data]).toEqual([202, { kind: 'bounce', outcomes: 1 }]);
  expect(await countOf('campaigns_inbound_notices', { origin: 'raw' })).toBe(1);
  expect(await countOf('campaigns_suppressions', { email })).toBe(1);
});

test('the pipe asks the MTA to retry when the secret is wrong, and to give up on what is not a mail it can take', async () => {
  const wrongSecret = path.join(workDir, 'wrong');
  writeFileSync(wrongSecret, 'not-the-raw-mail-secret-000');
  const mail = dsnFor(people[1]!.email, sent[people[1]!.email]!);
  const retry = await pipeMail(mail, wrongSecret);
  expect(retry.code).toBe(75);
  expect(retry.stderr).toContain('answered 401; try again later');
  expect(await countOf('campaigns_inbound_notices', { email: people[1]!.email })).toBe(0);
  const refused = await pipeMail(Buffer.alloc(11 * 1024 * 1024, 'a'));
  expect(refused.code).toBe(69);
  expect(refused.stderr).toContain('refused the mail (413)');
});
