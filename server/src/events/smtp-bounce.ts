import type { Knex } from 'knex';
import { TABLES } from '../constants';
import { decideReason } from '../features/inbound/classifier/reasons';
import type { InboundPipeline } from '../features/inbound/notice';

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
  pipeline: InboundPipeline;
}

/**
 * A message the SMTP server refused, as an inbound notice of the delivery (once per delivery and
 * attempt) through the one pipeline: a hard bounce suppresses the address and marks its contact
 * `bounced`, a permanent refusal of this message or retries run out count as soft bounces. The
 * reason is read as the classifier reads a DSN's diagnostic; hard or soft stays isHardBounce's
 * stricter call, as a live answer to our own send has no DSN around it to say more.
 */
export const smtpBounces = ({ knex, pipeline }: SmtpBounceDependencies) => ({
  async recordSmtpBounce(deliveryId: number, bounce: SmtpBounce) {
    const row = await knex(TABLES.deliveries).select('email').where({ id: deliveryId }).first();
    if (!row) return;
    const hard = bounce.permanent && isHardBounce(bounce.responseCode, bounce.message);
    const status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(bounce.message)?.[1] ?? null;
    const code = bounce.responseCode;
    const diagnostic = code !== null && !bounce.message.trimStart().startsWith(String(code)) ? `${code} ${bounce.message}` : bounce.message;
    await pipeline.apply([
      {
        source: 'smtp',
        origin: 'smtp',
        reference: `${deliveryId}:${bounce.attempt}`,
        kind: 'bounce',
        at: Date.now(),
        recipients: [
          { email: row.email, bounceType: hard ? 'hard' : 'soft', reason: decideReason(bounce.message, status), status, diagnostic },
        ],
        feedbackType: null,
        match: { deliveryId },
        raw: null,
      },
    ]);
  },
});

export type SmtpBounceRecorder = ReturnType<typeof smtpBounces>;
