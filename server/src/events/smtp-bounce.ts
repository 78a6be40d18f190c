import type { Knex } from 'knex';
import { TABLES } from '../constants';
import type { ContactSignal } from '../contact-signals/apply-signal';
import type { DeliveryEvent, RecordedEvent } from './delivery-event';

/**
 * Whether a 5xx answer says the address itself is bad (a hard bounce that suppresses it) rather than
 * refusing this message (policy, content, a full mailbox). RFC 3463: 5.1.x are addressing
 * problems; without an enhanced code, 550/551/553 mean "no such mailbox" unless the text says policy.
 */
export const isHardBounce = (responseCode: number | null, message: string) => {
  if (responseCode === null || responseCode < 500 || responseCode >= 600) return false;
  const enhanced = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(message);
  if (enhanced) return enhanced[1] === '5' && enhanced[2] === '1';
  return [550, 551, 553].includes(responseCode) && !/policy|spam|blocked|reputation|rate/i.test(message);
};

/** What the send worker learnt from a refused message. */
export interface SmtpBounce {
  permanent: boolean;
  responseCode: number | null;
  message: string;
  attempt: number;
}

export interface SmtpBounceDependencies {
  knex: Knex;
  record(event: DeliveryEvent): Promise<RecordedEvent | null>;
  signal(signal: ContactSignal): Promise<number>;
}

/**
 * A message the SMTP server refused: a bounce event (once per delivery and attempt). A hard bounce
 * also suppresses the address and marks its contact `bounced`, first: the event is recorded last,
 * so a run that failed before it is completed by the job's retry.
 */
export const smtpBounces = ({ knex, record, signal }: SmtpBounceDependencies) => ({
  async recordSmtpBounce(deliveryId: number, bounce: SmtpBounce) {
    const row = await knex(TABLES.deliveries).select('id', 'campaign_id', 'contact_id', 'email').where({ id: deliveryId }).first();
    if (!row) return;
    const delivery = { id: Number(row.id), campaignId: Number(row.campaign_id), contactId: Number(row.contact_id) };
    const hard = bounce.permanent && isHardBounce(bounce.responseCode, bounce.message);
    // One campaign's soft bounces say little about the address; repeated ones across campaigns are the inbound pipeline's to judge.
    if (hard) {
      await signal({
        type: 'bounce',
        contactIds: [delivery.contactId],
        address: { email: row.email, sourceEvent: `smtp-bounce:${deliveryId}` },
      });
    }
    await record({
      type: 'bounce',
      source: 'smtp',
      delivery,
      at: Date.now(),
      reference: `${deliveryId}:${bounce.attempt}`,
      kind: hard ? 'hard' : bounce.permanent ? 'permanent' : 'soft-limit',
      code: bounce.responseCode,
      message: bounce.message,
    });
  },
});

export type SmtpBounceRecorder = ReturnType<typeof smtpBounces>;
