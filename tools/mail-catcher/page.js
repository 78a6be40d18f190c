'use strict';

/**
 * The catcher's HTML pages. Everything shown comes from mail that anyone could have sent, so every
 * value is escaped, and a message's own HTML is only ever rendered inside a sandboxed iframe.
 */

const escapeHtml = (value) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * No allow-scripts and no allow-same-origin: the message runs no code and gets an opaque origin,
 * so it can reach neither this page nor the API. Popups are allowed so that links in the mail
 * (tracked clicks, unsubscribe) open in a tab of their own, outside the sandbox.
 */
const IFRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

/**
 * The srcdoc frame inherits this policy: images in the mail load (as in a mail client), while
 * scripts, forms and plugins stay off even if the sandbox attribute were stripped.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-src 'self'; base-uri 'none'; form-action 'none'";

const STYLE = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
  header { background: #24292f; color: #fff; padding: 10px 20px; display: flex; gap: 16px; align-items: baseline; }
  header a { color: #fff; font-weight: 600; text-decoration: none; }
  header span { color: #c9d1d9; font-size: 13px; }
  main { padding: 16px 20px; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #d0d7de; vertical-align: top; }
  th { background: #eaeef2; font-weight: 600; }
  td a { color: #0969da; text-decoration: none; }
  td.nowrap { white-space: nowrap; }
  pre { background: #fff; border: 1px solid #d0d7de; padding: 10px; white-space: pre-wrap; word-break: break-word; }
  iframe { width: 100%; height: 70vh; border: 1px solid #d0d7de; background: #fff; }
  h2 { font-size: 15px; margin: 22px 0 8px; }
  .empty { color: #57606a; }
  .meta th { width: 140px; }
`;

const layout = (title, body, { refreshSeconds } = {}) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/">Mail catcher</a><span>${escapeHtml(title)}</span></header>
<main>
${body}
</main>
</body>
</html>
`;

const shortTime = (iso) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

const renderList = (messages, { smtpAddress }) => {
  const rows = messages
    .map(
      (m) => `<tr>
<td class="nowrap"><time datetime="${escapeHtml(m.receivedAt)}">${escapeHtml(shortTime(m.receivedAt))}</time></td>
<td>${escapeHtml(m.from)}</td>
<td>${escapeHtml(m.to)}</td>
<td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a></td>
</tr>`
    )
    .join('\n');
  const body = messages.length
    ? `<table>
<thead><tr><th>Time (UTC)</th><th>From</th><th>To</th><th>Subject</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : `<p class="empty">No messages yet. Send mail to SMTP ${escapeHtml(smtpAddress)}; this page refreshes itself.</p>`;
  return layout(`${messages.length} message${messages.length === 1 ? '' : 's'} · SMTP ${smtpAddress}`, body, { refreshSeconds: 5 });
};

const renderMessage = (m) => {
  const summary = [
    ['From', m.from],
    ['To', m.to],
    ['Subject', m.subject],
    ['Date', m.date],
    ['Received', m.receivedAt],
    ['Envelope from', m.envelope.from ?? ''],
    ['Envelope to', m.envelope.to.join(', ')],
    ['Size', `${m.size} bytes`],
  ]
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  const headers = Object.entries(m.headers)
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td><pre>${escapeHtml(value)}</pre></td></tr>`)
    .join('\n');
  const attachments = m.attachments.length
    ? `<h2>Attachments</h2><ul>${m.attachments
        .map((a) => `<li>${escapeHtml(a.filename ?? '(unnamed)')} · ${escapeHtml(a.contentType)} · ${escapeHtml(a.size)} bytes</li>`)
        .join('')}</ul>`
    : '';
  const body = `<p><a href="/">← All messages</a> · <a href="/api/messages/${encodeURIComponent(m.id)}">JSON</a></p>
<table class="meta">
${summary}
</table>
<h2>HTML part</h2>
${m.html === null ? '<p class="empty">This message has no HTML part.</p>' : `<iframe title="HTML part" sandbox="${IFRAME_SANDBOX}" srcdoc="${escapeHtml(m.html)}"></iframe>`}
<h2>Text part</h2>
${m.text === null ? '<p class="empty">This message has no text part.</p>' : `<pre>${escapeHtml(m.text)}</pre>`}
${attachments}
<h2>Headers</h2>
<table class="meta">
${headers}
</table>`;
  return layout(m.subject || '(no subject)', body);
};

const renderNotFound = () =>
  layout('Not found', '<p class="empty">No such message (the catcher keeps only the newest ones, in memory).</p>');

module.exports = { CONTENT_SECURITY_POLICY, escapeHtml, renderList, renderMessage, renderNotFound };
