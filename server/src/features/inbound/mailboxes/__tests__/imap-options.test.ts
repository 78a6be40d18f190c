import { inboundSchema } from '../../../../config/inbound';
import { accessTokenOf, describeMailbox, imapOptionsOf } from '../imap-options';

const parse = (mailbox: Record<string, unknown>) =>
  inboundSchema.parse({ mailboxes: [{ name: 'bounces', host: 'imap.example.com', user: 'bounces@example.com', ...mailbox }] }).mailboxes[0];

describe('a mailbox as imapflow gets it', () => {
  it('logs in with the password, TLS from the first byte by default, IDLE left to the watcher', () => {
    expect(imapOptionsOf(parse({ password: 'secret' }), null)).toEqual({
      host: 'imap.example.com',
      port: 993,
      secure: true,
      tls: { rejectUnauthorized: true },
      auth: { user: 'bounces@example.com', pass: 'secret' },
      disableAutoIdle: true,
      logger: false,
    });
  });

  it('logs in with an OAuth2 token when one is given', async () => {
    const mailbox = parse({ accessToken: 'ya29.token' });
    expect(imapOptionsOf(mailbox, await accessTokenOf(mailbox)).auth).toEqual({ user: 'bounces@example.com', accessToken: 'ya29.token' });
  });

  it('asks a token function for a fresh token at each connection', async () => {
    let issued = 0;
    const mailbox = parse({ accessToken: async () => `token-${++issued}` });
    expect(await accessTokenOf(mailbox)).toBe('token-1');
    expect(await accessTokenOf(mailbox)).toBe('token-2');
  });

  it('fails a connection whose token function answers nothing, saying so', async () => {
    await expect(accessTokenOf(parse({ accessToken: () => '' }))).rejects.toThrow('its accessToken function answered no token');
  });

  it('is refused with both a password and a token, or neither', () => {
    expect(() => parse({ password: 'secret', accessToken: 'token' })).toThrow('give either password or accessToken');
    expect(() => parse({})).toThrow('give either password or accessToken');
  });

  it('is named in the log without its credentials', () => {
    expect(describeMailbox(parse({ password: 'secret' }))).toBe('mailbox "bounces" (bounces@example.com on imap.example.com:993, INBOX)');
  });
});
