'use strict';

/**
 * A local mail catcher for the demo and for tests: an SMTP server that accepts every message and
 * keeps the newest ones in memory, and a web page (plus a JSON API) that shows them.
 *
 *   node tools/mail-catcher/index.js
 *   MAIL_CATCHER_SMTP_PORT=1025 MAIL_CATCHER_HTTP_PORT=1080 MAIL_CATCHER_HOST=127.0.0.1
 */

const http = require('node:http');
const net = require('node:net');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');
const { CONTENT_SECURITY_POLICY, renderList, renderMessage, renderNotFound } = require('./page');

const DEFAULT_LIMIT = 500;
const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Header values as sent (folding undone), so what the plugin wrote can be checked byte for byte. */
const headersOf = (headerLines) => {
  const headers = {};
  for (const { key, line } of headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  return headers;
};

const addressText = (field) => (Array.isArray(field) ? field.map((a) => a.text).join(', ') : (field?.text ?? ''));

const toMessage = (id, parsed, session, size) => {
  const receivedAt = new Date().toISOString();
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
  return {
    id,
    receivedAt,
    date: parsed.date ? parsed.date.toISOString() : receivedAt,
    from: addressText(parsed.from) || envelopeFrom || '',
    to: addressText(parsed.to),
    cc: addressText(parsed.cc),
    subject: parsed.subject ?? '',
    envelope: { from: envelopeFrom, to: session.envelope.rcptTo.map((r) => r.address) },
    headers: headersOf(parsed.headerLines),
    text: parsed.text ?? null,
    html: parsed.html || null,
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
    size,
  };
};

const listen = (emitter, server, port, host) =>
  new Promise((resolve, reject) => {
    emitter.once('error', reject);
    server.listen(port, host, () => {
      emitter.off('error', reject);
      resolve(server.address().port);
    });
  });

const formatHost = (host) => (net.isIPv6(host) ? `[${host}]` : host);

/**
 * Starts both servers; port 0 picks a free port, and the ports it returns are the real ones.
 * `onMessage` is told about every accepted message (the command line uses it to log them).
 */
const startMailCatcher = async ({
  smtpPort = 1025,
  httpPort = 1080,
  host = '127.0.0.1',
  limit = DEFAULT_LIMIT,
  maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES,
  onMessage = () => {},
} = {}) => {
  let stored = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    size: maxMessageBytes,
    // The server answers 552 for an oversize message even when the client did not declare its size.
    rejectOversized: true,
    logger: false,
    banner: 'campaigns mail catcher',
    // A client that never says QUIT must not hold a shutdown for the default 30 seconds.
    closeTimeout: 2000,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback();
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            const message = toMessage(String(nextId++), parsed, session, stream.byteLength);
            stored = [message, ...stored].slice(0, limit);
            onMessage(message);
            callback(null, `OK: caught as message ${message.id}`);
          },
          (error) => callback(Object.assign(new Error(`cannot parse the message: ${error.message}`), { responseCode: 554 }))
        );
      });
    },
  });

  const listenHost = formatHost(host);
  const ports = { smtp: 0, http: 0 };
  const answersToHost = (req) => {
    // Loopback-only servers refuse other Host names: a page on another site that rebinds its DNS
    // name to 127.0.0.1 could otherwise read the caught mail (and the signed links in it).
    if (!LOOPBACK_NAMES.has(listenHost)) return true;
    const name = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    return LOOPBACK_NAMES.has(name);
  };

  const send = (res, status, type, body, extraHeaders = {}) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...extraHeaders,
    });
    res.end(body);
  };
  const sendJson = (res, status, value) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
  const sendHtml = (res, status, html) =>
    send(res, status, 'text/html; charset=utf-8', html, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  const notAllowed = (res, allow) => send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n', { Allow: allow });
  const find = (id) => stored.find((m) => m.id === id);

  const web = http.createServer((req, res) => {
    if (!answersToHost(req)) return send(res, 421, 'text/plain; charset=utf-8', 'Misdirected Request\n');
    const { pathname } = new URL(req.url ?? '/', 'http://catcher');
    const reads = req.method === 'GET' || req.method === 'HEAD';

    if (pathname === '/api/messages') {
      if (reads) return sendJson(res, 200, stored);
      if (req.method === 'DELETE') {
        stored = [];
        res.writeHead(204);
        return res.end();
      }
      return notAllowed(res, 'GET, HEAD, DELETE');
    }
    const apiMatch = /^\/api\/messages\/([0-9]+)$/.exec(pathname);
    if (apiMatch) {
      if (!reads) return notAllowed(res, 'GET, HEAD');
      const message = find(apiMatch[1]);
      return message ? sendJson(res, 200, message) : sendJson(res, 404, { error: 'No such message' });
    }
    if (pathname === '/') {
      if (!reads) return notAllowed(res, 'GET, HEAD');
      return sendHtml(res, 200, renderList(stored, { smtpAddress: `${listenHost}:${ports.smtp}` }));
    }
    const pageMatch = /^\/messages\/([0-9]+)$/.exec(pathname);
    if (pageMatch) {
      if (!reads) return notAllowed(res, 'GET, HEAD');
      const message = find(pageMatch[1]);
      return message ? sendHtml(res, 200, renderMessage(message)) : sendHtml(res, 404, renderNotFound());
    }
    return sendHtml(res, 404, renderNotFound());
  });

  ports.smtp = await listen(smtp, smtp.server, smtpPort, host);
  try {
    ports.http = await listen(web, web, httpPort, host);
  } catch (error) {
    await new Promise((resolve) => smtp.close(resolve));
    throw error;
  }
  // Past listen, SMTP errors come from single client connections (a reset, a timeout); the
  // server itself keeps serving, and an unhandled 'error' event would end the process.
  smtp.on('error', () => {});

  let closing;
  const close = () => {
    closing ??= Promise.all([
      new Promise((resolve) => smtp.close(resolve)),
      new Promise((resolve) => {
        web.close(() => resolve());
        web.closeAllConnections();
      }),
    ]).then(() => undefined);
    return closing;
  };

  return {
    smtpPort: ports.smtp,
    httpPort: ports.http,
    smtpUrl: `smtp://${listenHost}:${ports.smtp}`,
    webUrl: `http://${listenHost}:${ports.http}/`,
    messages: () => [...stored],
    close,
  };
};

const portFromEnv = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a TCP port (0-65535), got "${raw}"`);
  return port;
};

if (require.main === module) {
  const log = (line) => console.log(`[mail-catcher] ${line}`);
  Promise.resolve()
    .then(() =>
      startMailCatcher({
        smtpPort: portFromEnv('MAIL_CATCHER_SMTP_PORT', 1025),
        httpPort: portFromEnv('MAIL_CATCHER_HTTP_PORT', 1080),
        host: process.env.MAIL_CATCHER_HOST || '127.0.0.1',
        onMessage: (m) => log(`caught #${m.id} "${m.subject}" for ${m.envelope.to.join(', ')}`),
      })
    )
    .then((catcher) => {
      log(`SMTP ${catcher.smtpUrl} (no TLS, no auth)`);
      log(`Web  ${catcher.webUrl}`);
      const stop = () => catcher.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error) => {
      console.error(`[mail-catcher] cannot start: ${error.message}`);
      process.exit(1);
    });
}

module.exports = { startMailCatcher };
