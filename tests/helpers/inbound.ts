import type { Core } from '@strapi/strapi';
import { sendgridKeys, TOPIC } from '../../server/src/features/inbound/webhooks/__tests__/signers';
import type { InboundNotice } from '../../server/src/features/inbound/notice';
import { getService } from '../../server/src/services/get-service';
import { finished, seedCampaign, sendingEnv, waitForProgress } from './sending';
import type { SmtpSink } from './smtp-sink';

/** SendGrid's key pair for this test process: the app boots with the public half, the tests sign with the private one. */
export const SENDGRID_KEYS = sendgridKeys();

/** Secrets every inbound test signs with: the raw-mail endpoint's and each webhook provider's. */
export const INBOUND_SECRETS = {
  rawMail: 'integration-raw-mail-secret-0123456789',
  mailgun: 'integration-mailgun-signing-key-0123',
  postmarkToken: 'integration-postmark-path-token-0123',
  generic: 'integration-generic-secret-0123456789',
  sesTopic: TOPIC,
} as const;

/**
 * The inbound group's rate guard: a campaign with 4 deliveries sent or more is paused past 20%
 * complaints. Hard bounces never pause one (a rate cannot pass 1): SMTP refusals during the
 * group's sends are its other modules' subject.
 */
export const INBOUND_RATE_GUARD = { minDeliveries: 4, complaintRate: 0.2, hardBounceRate: 1 } as const;

/**
 * The `inbound.webhooks` the group boots with: every provider but Brevo (its route must answer 404),
 * and Postmark by path token only (its Basic-auth route must answer 404 too).
 */
const WEBHOOKS = {
  ses: { topicArns: [INBOUND_SECRETS.sesTopic] },
  sendgrid: { publicKey: SENDGRID_KEYS.publicKey },
  mailgun: { signingKey: INBOUND_SECRETS.mailgun },
  postmark: { token: INBOUND_SECRETS.postmarkToken },
  generic: { secret: INBOUND_SECRETS.generic },
};

/** The inbound group's configuration: the sending environment plus the `inbound` options (CAMPAIGNS_INBOUND). */
export const inboundEnv = (smtpPort: number, inbound: Record<string, unknown> = {}) =>
  sendingEnv(smtpPort, {
    CAMPAIGNS_INBOUND: JSON.stringify({ rawMail: { secret: INBOUND_SECRETS.rawMail }, webhooks: WEBHOOKS, ...inbound }),
  });

/** A delivery of a campaign sendCampaignTo sent: what the notices about it must name. */
export interface SentDelivery {
  id: number;
  campaignId: number;
  contactId: number;
  email: string;
  messageId: string;
  /** The Return-Path (VERP) it went out with: undefined when the sink refused the recipient. */
  verp: string;
}

/** Sends a real campaign to these addresses, through the sink, and answers its deliveries by address. */
export const sendCampaignTo = async (
  strapi: Core.Strapi,
  sink: SmtpSink,
  name: string,
  emails: string[]
): Promise<Record<string, SentDelivery>> => {
  const campaign = await seedCampaign(
    strapi,
    name,
    emails.map((email) => ({ email }))
  );
  await getService(strapi, 'sending').sendNow(campaign.documentId);
  await waitForProgress(strapi, campaign.documentId, finished);
  const rows = await strapi.db.connection('campaigns_deliveries').whereIn('email', emails);
  return Object.fromEntries(
    rows.map((row) => [
      row.email,
      {
        id: Number(row.id),
        campaignId: Number(row.campaign_id),
        contactId: Number(row.contact_id),
        email: row.email,
        messageId: row.message_id,
        verp: sink.to(row.email)[0]?.mailFrom,
      },
    ])
  );
};

/** A notice as the pipeline takes it: a bounce read from the bounces mailbox, unless `over` says otherwise. */
export const inboundNotice = (over: Partial<InboundNotice> & Pick<InboundNotice, 'reference'>): InboundNotice => ({
  source: 'mailbox',
  origin: 'imap:bounces',
  kind: 'bounce',
  at: Date.now(),
  recipients: [],
  feedbackType: null,
  match: {},
  raw: null,
  ...over,
});
