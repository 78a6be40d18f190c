/** What the unsubscribe (and, for now, preferences) page says. */
export type UnsubscribeView =
  /** A subscribed address: the button that POSTs the one-click body to `action`. */
  | { kind: 'form'; maskedEmail: string; action: string }
  /** Unsubscribed now, or no longer mailed anyway (unsubscribed, bounced, complained, suppressed). */
  | { kind: 'done'; maskedEmail: string }
  /** A link from a test send or a preview, which belongs to no delivery. */
  | { kind: 'test' }
  /** A token that is not ours or names no delivery. */
  | { kind: 'invalid' };

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** `ann@example.com` -> `a***@example.com`: enough for its owner to recognise, little for anyone who sees the screen. */
export const maskEmail = (email: string) => {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
};

const layout = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;background:#f4f4f6;color:#212134;font:16px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:28rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(33,33,52,.1)}
h1{font-size:1.3rem;margin:0 0 1rem}
button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#4945ff;color:#fff;cursor:pointer}
</style>
</head>
<body><main>${body}</main></body>
</html>
`;

export const unsubscribePage = (view: UnsubscribeView) => {
  switch (view.kind) {
    case 'form':
      return layout(
        'Unsubscribe',
        `<h1>Unsubscribe</h1>
<p>Stop sending campaigns to <strong>${escapeHtml(view.maskedEmail)}</strong>?</p>
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button>
</form>`
      );
    case 'done':
      return layout(
        'Unsubscribed',
        `<h1>You are unsubscribed</h1>
<p><strong>${escapeHtml(view.maskedEmail)}</strong> will not receive our campaigns any more.</p>`
      );
    case 'test':
      return layout(
        'Test message',
        '<h1>Test message</h1>\n<p>This link comes from a test or a preview: there is nothing to unsubscribe.</p>'
      );
    case 'invalid':
      return layout(
        'Link not recognised',
        '<h1>Link not recognised</h1>\n<p>This link is incomplete or not ours, so nothing was changed. Use the link in a recent message from us.</p>'
      );
  }
};

export const notFoundPage = () => layout('Not found', '<h1>Not found</h1>\n<p>This link is incomplete or no longer valid.</p>');
