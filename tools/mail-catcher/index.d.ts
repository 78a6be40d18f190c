/** Types for the plain-JS catcher in index.js, so the TypeScript tests can use it. */

export interface CaughtMessage {
  /** Increasing per catcher process, as a string. */
  id: string;
  /** When the catcher accepted it (ISO 8601). */
  receivedAt: string;
  /** The Date header (ISO 8601), or receivedAt when there is none. */
  date: string;
  /** The From, To and Cc headers as text, e.g. `"Ada" <ada@example.com>, bob@example.org`. */
  from: string;
  to: string;
  cc: string;
  /** Decoded. */
  subject: string;
  /** The SMTP envelope: who the message was actually delivered to, Bcc included. */
  envelope: { from: string | null; to: string[] };
  /** Lower-case header name -> value as sent (unfolded, encoded words kept); repeats joined by "\n". */
  headers: Record<string, string>;
  text: string | null;
  html: string | null;
  attachments: Array<{ filename: string | null; contentType: string; size: number }>;
  /** Bytes of the raw message. */
  size: number;
}

export interface MailCatcherOptions {
  /** 0 picks a free port. Default 1025. */
  smtpPort?: number;
  /** 0 picks a free port. Default 1080. */
  httpPort?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How many messages are kept, newest first. Default 500. */
  limit?: number;
  /** Bigger messages are refused with 552. Default 25 MB. */
  maxMessageBytes?: number;
  onMessage?: (message: CaughtMessage) => void;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  smtpUrl: string;
  /** The web page, ending in "/". */
  webUrl: string;
  /** Newest first. */
  messages(): CaughtMessage[];
  close(): Promise<void>;
}

export function startMailCatcher(options?: MailCatcherOptions): Promise<MailCatcher>;
