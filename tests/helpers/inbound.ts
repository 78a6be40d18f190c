import { sendingEnv } from './sending';

/** Secrets every inbound test signs with: the raw-mail endpoint's and each webhook provider's. */
export const INBOUND_SECRETS = {
  rawMail: 'integration-raw-mail-secret-0123456789',
} as const;

/** The inbound group's configuration: the sending environment plus the `inbound` options (CAMPAIGNS_INBOUND). */
export const inboundEnv = (smtpPort: number, inbound: Record<string, unknown> = {}) =>
  sendingEnv(smtpPort, {
    CAMPAIGNS_INBOUND: JSON.stringify({ rawMail: { secret: INBOUND_SECRETS.rawMail }, ...inbound }),
  });
