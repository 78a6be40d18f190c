import http from 'node:http';
import nodemailer from 'nodemailer';
import { startMailCatcher, type CaughtMessage, type MailCatcher } from '../../tools/mail-catcher';

const MAX_MESSAGE_BYTES = 64 * 1024;

const first = {
  from: '"Campaigns Demo" <news@example.com>',
  to: 'ada@example.org',
  bcc: 'audit@example.net',
  subject: 'Récapitulatif de la semaine',
  text: 'Bonjour Ada, voici les nouvelles.',
  html: '<h1 class="title">Bonjour Ada</h1><p>Les nouvelles &amp; plus.</p><script>steal(document.cookie)</script>',
  headers: {
    'List-Unsubscribe': '<https://example.com/unsubscribe/abc>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'X-Campaign-Id': 'cmp-1',
  },
};

const second = {
  from: 'news@example.com',
  to: ['"Bob B." <bob@example.org>', 'carol@example.net'],
  subject: '<script>alert("subject")</script> Weekly',
  text: 'Plain only',
};

const decodeEntities = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] as string);

const smtpTo = (catcher: MailCatcher) =>
  nodemailer.createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false, ignoreTLS: true });

let catcher: MailCatcher;
let transport: ReturnType<typeof smtpTo>;

const api = async (path = '') => {
  const res = await fetch(`${catcher.webUrl}api/messages${path}`);
  return { status: res.status, body: (await res.json()) as CaughtMessage[] };
};
const page = async (path: string) => {
  const res = await fetch(`${catcher.webUrl}${path.replace(/^\//, '')}`);
  return { status: res.status, headers: res.headers, html: await res.text() };
};

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, maxMessageBytes: MAX_MESSAGE_BYTES });
  transport = smtpTo(catcher);
  await transport.sendMail(first);
  await transport.sendMail(second);
});

afterAll(async () => {
  transport?.close();
  await catcher?.close();
});

test('listens on the free ports it picked', () => {
  expect(catcher.smtpPort).toBeGreaterThan(0);
  expect(catcher.httpPort).toBeGreaterThan(0);
  expect(catcher.smtpPort).not.toBe(catcher.httpPort);
  expect(catcher.webUrl).toBe(`http://127.0.0.1:${catcher.httpPort}/`);
});

test('GET /api/messages lists both messages, newest first, with recipients, headers and parts', async () => {
  const { status, body } = await api();
  expect(status).toBe(200);
  expect(body.map((m) => m.subject)).toEqual([second.subject, first.subject]);

  const [newest, oldest] = body;
  expect(oldest).toMatchObject({
    from: '"Campaigns Demo" <news@example.com>',
    to: 'ada@example.org',
    envelope: { from: 'news@example.com', to: ['ada@example.org', 'audit@example.net'] },
    text: first.text,
    html: first.html,
  });
  expect(oldest.headers).toMatchObject({
    'list-unsubscribe': '<https://example.com/unsubscribe/abc>',
    'list-unsubscribe-post': 'List-Unsubscribe=One-Click',
    'x-campaign-id': 'cmp-1',
  });
  expect(oldest.headers['content-type']).toMatch(/^multipart\/alternative;/);
  expect(Number.isNaN(Date.parse(oldest.date))).toBe(false);

  expect(newest.to).toBe('"Bob B." <bob@example.org>, carol@example.net');
  expect(newest.envelope.to).toEqual(['bob@example.org', 'carol@example.net']);
  expect(newest.html).toBeNull();
  // A single text/plain part keeps the line break nodemailer ends it with.
  expect(newest.text?.trimEnd()).toBe('Plain only');
  expect(catcher.messages().map((m) => m.id)).toEqual(body.map((m) => m.id));
});

test('the list page shows both messages newest first and escapes a <script> subject', async () => {
  const { status, headers, html } = await page('/');
  expect(status).toBe(200);
  expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(headers.get('content-security-policy')).toContain("default-src 'none'");

  expect(html).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; Weekly');
  expect(html).not.toContain('<script');
  const newestAt = html.indexOf('alert(&quot;subject&quot;)');
  const oldestAt = html.indexOf('Récapitulatif de la semaine');
  expect(newestAt).toBeGreaterThan(-1);
  expect(oldestAt).toBeGreaterThan(newestAt);
  expect(html).toContain('&quot;Bob B.&quot; &lt;bob@example.org&gt;, carol@example.net');
});

test('a message page shows the headers, the text part and the HTML part only inside a sandboxed iframe', async () => {
  const [, oldest] = (await api()).body;
  const { status, html } = await page(`/messages/${oldest.id}`);
  expect(status).toBe(200);

  const iframes = html.match(/<iframe\b[^>]*>/g) ?? [];
  expect(iframes).toHaveLength(1);
  const [iframe = ''] = iframes;
  const sandbox = /\ssandbox="([^"]*)"/.exec(iframe);
  expect(sandbox).not.toBeNull();
  expect(sandbox?.[1]).not.toMatch(/allow-scripts|allow-same-origin/);
  const srcdoc = /\ssrcdoc="([^"]*)"/.exec(iframe);
  expect(decodeEntities(srcdoc?.[1] ?? '')).toBe(first.html);

  // The message's markup exists only as escaped text: nothing of it runs in the page's origin.
  expect(html).not.toContain('<script');
  expect(html).not.toContain('<h1 class="title">');

  expect(html).toContain(`<pre>${first.text}</pre>`);
  expect(html).toContain('<th>list-unsubscribe</th><td><pre>&lt;https://example.com/unsubscribe/abc&gt;</pre></td>');
  expect(html).toContain('<th>x-campaign-id</th><td><pre>cmp-1</pre></td>');
});

test('a message without an HTML part has no iframe; unknown ids are 404', async () => {
  const [newest] = (await api()).body;
  const { html } = await page(`/messages/${newest.id}`);
  expect(html).not.toContain('<iframe');
  expect(html).toContain('This message has no HTML part.');

  expect((await page('/messages/999999')).status).toBe(404);
  expect((await api('/999999')).status).toBe(404);
});

test('a message over the size limit is refused with 552 and not kept', async () => {
  const before = (await api()).body.length;
  await expect(
    transport.sendMail({ from: 'news@example.com', to: 'ada@example.org', subject: 'Too big', text: 'x'.repeat(MAX_MESSAGE_BYTES * 2) })
  ).rejects.toMatchObject({ responseCode: 552 });
  const after = (await api()).body;
  expect(after).toHaveLength(before);
  expect(after.map((m) => m.subject)).not.toContain('Too big');
});

test('answers only to loopback Host names, so a rebound DNS name cannot read the mail', async () => {
  const status = await new Promise<number | undefined>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: catcher.httpPort, path: '/api/messages', headers: { Host: 'attacker.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
      .on('error', reject);
  });
  expect(status).toBe(421);
});

test('keeps only the newest `limit` messages', async () => {
  const small = await startMailCatcher({ smtpPort: 0, httpPort: 0, limit: 2 });
  const client = smtpTo(small);
  try {
    for (const n of [1, 2, 3]) await client.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: `n${n}`, text: '.' });
    expect(small.messages().map((m) => m.subject)).toEqual(['n3', 'n2']);
  } finally {
    client.close();
    await small.close();
  }
});

test('DELETE /api/messages empties the catcher', async () => {
  const res = await fetch(`${catcher.webUrl}api/messages`, { method: 'DELETE' });
  expect(res.status).toBe(204);
  expect((await api()).body).toEqual([]);
  expect(catcher.messages()).toEqual([]);
  expect((await page('/')).html).toContain('No messages yet.');
});
