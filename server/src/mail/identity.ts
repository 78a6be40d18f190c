import { createHmac, randomBytes } from 'node:crypto';
import type { PluginConfig } from '../config/schema';

/** The addresses and domain a site's campaigns go out under, with their documented defaults filled in. */
export interface SendingIdentity {
  bounceAddress: string;
  /** The base of each message's signed Reply-To (`sending.replyAddress`); null: the campaign's reply-to only. */
  replyAddress: string | null;
  unsubscribeMailto: string;
  messageIdDomain: string;
  feedbackId: string;
  /** The sender's postal address templates show (CAN-SPAM), or null. */
  postalAddress: string | null;
}

const hostOf = (url: string) => new URL(url).hostname.toLowerCase();

export const sendingIdentity = (config: Pick<PluginConfig, 'publicUrl' | 'sending'>): SendingIdentity => {
  const fallbackDomain = config.publicUrl ? hostOf(config.publicUrl) : 'localhost';
  const bounceAddress = config.sending.bounceAddress ?? `bounces@${fallbackDomain}`;
  const bounceDomain = bounceAddress.slice(bounceAddress.lastIndexOf('@') + 1);
  return {
    bounceAddress,
    replyAddress: config.sending.replyAddress ?? null,
    unsubscribeMailto: config.sending.unsubscribeMailto ?? `unsubscribe@${bounceDomain}`,
    messageIdDomain: config.sending.messageIdDomain ?? bounceDomain,
    feedbackId: config.sending.feedbackId,
    postalAddress: config.sending.postalAddress ?? null,
  };
};

/**
 * A delivery's Message-ID: its id in base 36 and a short MAC, on the site's domain. Fixed per
 * delivery, so it is written when the delivery is claimed and a reply's In-Reply-To finds it; the
 * MAC keeps two installations (or a guesser) from producing each other's ids.
 */
export const messageIdOf = (secret: string, domain: string, deliveryId: number) => {
  const id = deliveryId.toString(36);
  const mac = createHmac('sha256', secret).update(`campaigns-message-id-v1:${id}`).digest('hex').slice(0, 12);
  return `<${id}.${mac}@${domain}>`;
};

/**
 * A test send's Message-ID: random, because a test has no delivery. Receivers (Gmail among them)
 * drop or thread a second message whose Message-ID they have seen.
 */
export const testMessageId = (domain: string) => `<test.${randomBytes(12).toString('hex')}@${domain}>`;
