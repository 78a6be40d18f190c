import { sendingEnv } from './sending';

/** Secrets every inbound test signs with: the raw-mail endpoint's and each webhook provider's. */
export const INBOUND_SECRETS = {
  rawMail: 'integration-raw-mail-secret-0123456789',
} as const;

/**
 * The inbound group's rate guard: a campaign with 4 deliveries sent or more is paused past 20%
 * complaints. Hard bounces never pause one (a rate cannot pass 1): SMTP refusals during the
 * group's sends are its other modules' subject.
 */
export const INBOUND_RATE_GUARD = { minDeliveries: 4, complaintRate: 0.2, hardBounceRate: 1 } as const;

/** The inbound group's configuration: the sending environment plus the `inbound` options (CAMPAIGNS_INBOUND). */
export const inboundEnv = (smtpPort: number, inbound: Record<string, unknown> = {}) =>
  sendingEnv(smtpPort, {
    CAMPAIGNS_INBOUND: JSON.stringify({ rawMail: { secret: INBOUND_SECRETS.rawMail }, ...inbound }),
  });
