import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAllInReverse } from './teardown';

/** How long close() lets a client still connected finish before cutting it off (smtp-server waits 30 s by default). */
const CLOSE_TIMEOUT_MS = 1000;

/**
 * What the sink does with one recipient: accept, refuse with a code at RCPT TO, drop the connection
 * after the message, or accept it only after a delay (kept, with its time, when the answer goes).
 */
export type SinkBehaviour =
  { rcpt: number; message: string } | { dropAfterData: true } | { data: number; message: string } | { delayMs: number };

export interface ReceivedMessage {
  /** The client's EHLO name. */
  client: string;
  mailFrom: string;
  rcptTo: string[];
  /** MAIL FROM's BODY parameter (`8BITMIME` when the client declared 8-bit content). */
  body?: string;
  raw: string;
  receivedAt: number;
}

/**
 * A real SMTP server (smtp-server) on a free loopback port that keeps every message it accepted, and
 * answers chosen recipients with chosen failures (`behave`): the far side of the send pipeline.
 */
export const startSmtpSink = async (options: { hide8BitMime?: boolean } = {}) => {
  const received: ReceivedMessage[] = [];
  const behaviours = new Map<string, (attempt: number) => SinkBehaviour | null>();
  const attempts = new Map<string, number>();
  let dataCount = 0;
  let connections = 0;

  const behaviourFor = (address: string, count: boolean) => {
    const key = address.toLowerCase();
    const attempt = (attempts.get(key) ?? 0) + (count ? 1 : 0);
    if (count) attempts.set(key, attempt);
    return behaviours.get(key)?.(attempt) ?? null;
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    hide8BITMIME: options.hide8BitMime ?? false,
    logger: false,
    closeTimeout: CLOSE_TIMEOUT_MS,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    size: 50 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const behaviour = behaviourFor(address.address, true);
      if (behaviour && 'rcpt' in behaviour) {
        const error = new Error(behaviour.message) as Error & { responseCode: number };
        error.responseCode = behaviour.rcpt;
        return callback(error);
      }
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        dataCount++;
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        const { mailFrom } = session.envelope;
        const keep = () =>
          received.push({
            client: session.hostNameAppearsAs,
            mailFrom: mailFrom ? mailFrom.address : '',
            rcptTo,
            body: mailFrom && mailFrom.args ? String(mailFrom.args.BODY) : undefined,
            raw: Buffer.concat(chunks).toString('utf8'),
            receivedAt: Date.now(),
          });
        const behaviour = behaviourFor(rcptTo[0], false);
        if (behaviour && 'dropAfterData' in behaviour) {
          // The message arrived whole, but the client never hears so: it cannot know it was accepted.
          keep();
          for (const connection of server.connections) if (connection.session?.id === session.id) connection._socket?.destroy();
          return;
        }
        if (behaviour && 'delayMs' in behaviour) {
          setTimeout(() => {
            keep();
            callback();
          }, behaviour.delayMs);
          return;
        }
        if (behaviour && 'data' in behaviour) {
          const error = new Error(behaviour.message) as Error & { responseCode: number };
          error.responseCode = behaviour.data;
          return callback(error);
        }
        keep();
        callback();
      });
    },
  }) as SMTPServer & { connections: Set<{ _socket?: { destroy(): void }; session?: SMTPServerSession }> };

  // A client killed mid-session (the SIGKILL test) resets its connection: expected, not a failure.
  server.on('error', () => undefined);

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });

  return {
    port,
    received,
    get dataCount() {
      return dataCount;
    },
    /** SMTP sessions opened so far. */
    get connections() {
      return connections;
    },
    /** Sets how the sink answers this address; the function gets the attempt number (1 for the first RCPT TO). */
    behave(address: string, behaviour: (attempt: number) => SinkBehaviour | null) {
      behaviours.set(address.toLowerCase(), behaviour);
    },
    to(address: string) {
      return received.filter((m) => m.rcptTo.includes(address.toLowerCase()));
    },
    parse(message: ReceivedMessage): Promise<ParsedMail> {
      return simpleParser(message.raw);
    },
    clear() {
      received.length = 0;
      attempts.clear();
      behaviours.clear();
      connections = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/** A sink started before this file's app boots (declare it first) and closed after the app has stopped. */
export const useSmtpSink = () => {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAllInReverse(() => sink?.close());
  return () => {
    if (!sink) throw new Error('the SMTP sink starts in beforeAll');
    return sink;
  };
};
