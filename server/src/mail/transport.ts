/**
 * The one thing the send workers need from a mail service. The plugin's SMTP pool implements it;
 * a site can plug in an ESP's API instead (`sending.transport` in the plugin options).
 */
export interface OutgoingMessage {
  /** SMTP envelope: the VERP bounce address and the one recipient. */
  envelope: { from: string; to: string };
  /** The complete RFC 5322 message, headers and body, as the recipient should receive it (CRLF line ends). */
  raw: Buffer;
  /** The Message-ID header's value, for transports that must pass it separately. */
  messageId: string;
  /**
   * Set by the plugin's composer when `raw` has only CRLF line ends and no line that starts with a
   * dot: an SMTP transport may then send it without its byte-by-byte DATA escaping.
   */
  dataSafe?: boolean;
}

export interface SendResult {
  /** The server's or API's answer, kept on the delivery for support questions. */
  response?: string;
}

export interface Transport {
  send(message: OutgoingMessage): Promise<SendResult>;
  /**
   * Whether messages may carry UTF-8 bodies as they are (SMTP's 8BITMIME, RFC 6152). Without it,
   * or when it answers false, bodies that are not ASCII go base64-encoded, a third larger.
   */
  supports8BitMime?(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * What a failed send means for its delivery:
 * - `retry`: nothing was accepted and trying later may work (a 4xx, a refused connection);
 * - `failed`: the recipient's server refused it for good (a 5xx): a bounce;
 * - `unknown`: it may have been accepted (the connection was lost after the message was sent),
 *   so it is never sent again automatically.
 */
export type FailureOutcome = 'retry' | 'failed' | 'unknown';

/**
 * An error a custom transport can throw to say what happened; any error with a numeric
 * `responseCode` (as nodemailer's) is read the same way. Anything else counts as `unknown`: without
 * word from the transport the plugin cannot tell a message that left from one that did not.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly outcome: FailureOutcome,
    readonly responseCode?: number
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface SendFailure {
  outcome: FailureOutcome;
  responseCode: number | null;
  message: string;
}

const OUTCOMES: readonly FailureOutcome[] = ['retry', 'failed', 'unknown'];

export const classifyFailure = (error: unknown): SendFailure => {
  const e = (error ?? {}) as {
    outcome?: unknown;
    responseCode?: unknown;
    message?: unknown;
    response?: unknown;
    dataSent?: unknown;
    beforeData?: unknown;
  };
  const message = String(e.response ?? e.message ?? error).slice(0, 1000);
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  if (typeof e.outcome === 'string' && (OUTCOMES as readonly string[]).includes(e.outcome)) {
    return { outcome: e.outcome as FailureOutcome, responseCode, message };
  }
  if (responseCode !== null && responseCode >= 400 && responseCode < 500) return { outcome: 'retry', responseCode, message };
  if (responseCode !== null && responseCode >= 500 && responseCode < 600) return { outcome: 'failed', responseCode, message };
  // Only the pool knows whether the message body went out; it marks errors either way.
  if (e.dataSent === true) return { outcome: 'unknown', responseCode, message };
  if (e.beforeData === true) return { outcome: 'retry', responseCode, message };
  return { outcome: 'unknown', responseCode, message };
};
