import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Knex } from 'knex';
import type { SendingIdentity } from '../../mail/identity';
import { buildMime } from '../../mail/mime';
import type { OutgoingMessage } from '../../mail/transport';
import type { TransportSource } from '../sending/engine-ports';
import { notifiedReplyOf, type NotifiedReply } from './reply-store';

/** A campaign as its owner's notification names it, with the admin who created it (null when none is known or the admin is gone). */
export interface CampaignOwner {
  name: string;
  fromEmail: string | null;
  owner: { email: string; name: string | null } | null;
}

/** The owner's notification of a person's reply, sent by the replies queue's worker. */
export interface ReplyNotices {
  /** Sends it; throws when the transport does (the queue tries again). */
  send(replyId: number): Promise<void>;
}

/** The longest part of the reply's text the notification quotes: enough to decide whether to open the inbox. */
const QUOTED_CHARS = 2000;

/** The notification as a message: from the campaign's sender to its owner, the reply's new text in it, a Reply-To of the writer. */
export const ownerNoticeMessage = (
  reply: NotifiedReply,
  campaign: CampaignOwner & { owner: NonNullable<CampaignOwner['owner']> },
  identity: SendingIdentity,
  eightBit: boolean
): OutgoingMessage => {
  const writer = reply.fromName ? `${reply.fromName} <${reply.fromAddress}>` : reply.fromAddress;
  const text = [
    `${writer} replied to the campaign "${campaign.name}".`,
    '',
    `Subject: ${reply.subject}`,
    '',
    reply.text.length > QUOTED_CHARS ? `${reply.text.slice(0, QUOTED_CHARS)}…` : reply.text,
    '',
    '--',
    'The whole reply is in Campaigns → Replies in the admin.',
  ].join('\n');
  const messageId = `<reply-${reply.id}.${randomBytes(8).toString('hex')}@${identity.messageIdDomain}>`;
  const { raw, dataSafe } = buildMime(
    {
      from: { name: 'Campaigns', email: campaign.fromEmail ?? identity.bounceAddress },
      to: { name: campaign.owner.name, email: campaign.owner.email },
      replyTo: reply.fromAddress ? { name: reply.fromName, email: reply.fromAddress } : null,
      subject: `Reply to "${campaign.name}" from ${reply.fromAddress || 'an erased contact'}`,
      messageId,
      headers: [['Auto-Submitted', 'auto-generated']],
      text,
      html: `<pre style="white-space:pre-wrap;font-family:inherit">${text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`,
    },
    eightBit
  );
  // The bounce mailbox itself, not a VERP address: a bounce of this mail is about no delivery.
  return { envelope: { from: identity.bounceAddress, to: campaign.owner.email }, raw, messageId, dataSafe };
};

export const createReplyNotices = (deps: {
  knex: Knex;
  campaignOwner(campaignId: number): Promise<CampaignOwner | null>;
  transport: TransportSource;
  identity: SendingIdentity;
}): ReplyNotices => ({
  async send(replyId) {
    const reply = await notifiedReplyOf(deps.knex, replyId);
    // An erasure or a deleted campaign since the job was queued leaves no one to tell, or nothing to tell them.
    if (!reply) return;
    const campaign = await deps.campaignOwner(reply.campaignId);
    if (!campaign?.owner) return;
    const message = ownerNoticeMessage(reply, { ...campaign, owner: campaign.owner }, deps.identity, await deps.transport.eightBitMime());
    await deps.transport.get().send(message);
  },
});

/** Queues a reply's owner notification once (the job id is the reply's), tried again with a doubling delay when the send fails. */
export const queueOwnerNotice =
  (queue: () => Queue, retry: { attempts: number; delaySeconds: number }) =>
  async (replyId: number): Promise<void> => {
    await queue().add(
      'notify-owner',
      { replyId },
      {
        jobId: `reply-owner-${replyId}`,
        attempts: retry.attempts,
        backoff: { type: 'exponential', delay: Math.max(1, Math.round(retry.delaySeconds * 1000)) },
        removeOnComplete: true,
        removeOnFail: 1000,
      }
    );
  };
