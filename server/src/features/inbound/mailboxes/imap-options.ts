import type { ImapFlowOptions } from 'imapflow';
import type { PluginConfig } from '../../../config/schema';

export type MailboxConfig = PluginConfig['inbound']['mailboxes'][number];

/**
 * The imapflow options of a configured mailbox. IDLE is started by the watcher itself (it knows
 * when a scan is over), and imapflow's own logger stays off: the watcher logs what matters once,
 * with the mailbox's name, through Strapi's log.
 */
export const imapOptionsOf = (mailbox: MailboxConfig, accessToken: string | null): ImapFlowOptions => ({
  host: mailbox.host,
  port: mailbox.port,
  secure: mailbox.secure,
  tls: { rejectUnauthorized: mailbox.rejectUnauthorized },
  auth: accessToken ? { user: mailbox.user, accessToken } : { user: mailbox.user, pass: mailbox.password },
  disableAutoIdle: true,
  logger: false,
});

/** The OAuth2 token for the next connection: as configured, or a fresh one from the configured function. */
export const accessTokenOf = async (mailbox: MailboxConfig): Promise<string | null> => {
  if (typeof mailbox.accessToken !== 'function') return mailbox.accessToken ?? null;
  const token = await mailbox.accessToken();
  if (typeof token !== 'string' || !token) throw new Error('its accessToken function answered no token');
  return token;
};

/** How a mailbox is named in the log: never its credentials. */
export const describeMailbox = (mailbox: MailboxConfig) =>
  `mailbox "${mailbox.name}" (${mailbox.user} on ${mailbox.host}:${mailbox.port}, ${mailbox.folder})`;
