import { PassThrough, type Readable } from 'node:stream';
import DKIM from 'nodemailer/lib/dkim';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { PluginConfig } from '../config/schema';
import type { OutgoingMessage, SendResult, Transport } from './transport';

type SmtpOptions = PluginConfig['smtp'];
// allowEightBit may be left out by callers that do not go through the parsed config (tests, tools).
type DkimOptions = Omit<NonNullable<PluginConfig['sending']['dkim']>, 'allowEightBit'> & { allowEightBit?: boolean };

/**
 * The headers the signature covers: every one the plugin writes, including the bulk headers
 * receivers act on (RFC 8058 one-click needs List-Unsubscribe-Post signed; Gmail reads
 * Feedback-ID), so no relay can change them unnoticed. nodemailer's default list leaves out
 * Feedback-ID and Precedence. Its signer lists each name once and only when present: a header
 * added later in a second copy, or one the message did not have, is not covered (no oversigning).
 */
const SIGNED_HEADERS = [
  'From',
  'To',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'Feedback-ID',
  'Precedence',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
].join(':');

const CRLF = Buffer.from('\r\n');

/**
 * The message body as SMTPConnection reads it: it pipes the body into its DATA stream only after
 * the server accepted DATA, so `started` tells an error before the body (nothing sent) from one
 * after it (the message may have been accepted). A DATA-safe message (OutgoingMessage.dataSafe)
 * skips that stream's byte-by-byte escaping, most of what sending a message costs in JavaScript:
 * its bytes go straight to the stream's output and only the final CRLF is written through it, so
 * the stream still ends the data with "." as always.
 */
class MessageBody extends PassThrough {
  started = false;
  direct: Buffer | null = null;
  pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    this.started = true;
    if (!this.direct) return super.pipe(destination, options);
    (destination as unknown as Readable).push(this.direct.subarray(0, this.direct.length - CRLF.length));
    destination.end(CRLF);
    return destination;
  }
}

const endsWithCrlf = (raw: Buffer) => raw.length >= 2 && raw[raw.length - 2] === 13 && raw[raw.length - 1] === 10;

interface PooledConnection {
  connection: SMTPConnection & { _supportedExtensions?: string[] };
  sent: number;
  broken: boolean;
}

const mark = (error: unknown, dataSent: boolean) => {
  const e = error instanceof Error ? error : new Error(String(error));
  Object.assign(e, dataSent ? { dataSent: true } : { beforeData: true });
  return e;
};

/**
 * A pool of SMTP connections on nodemailer's SMTPConnection. The plugin drives the connections
 * itself rather than through nodemailer's pool so that it knows, for every failure, whether the
 * message body had gone out (see MessageBody): the rule that a message possibly accepted is never
 * sent twice depends on it.
 */
export const createSmtpPool = (smtp: SmtpOptions, dkim?: DkimOptions): Transport => {
  const idle: PooledConnection[] = [];
  // Without pooling every message gets a connection of its own.
  const maxMessages = smtp.pool ? smtp.maxMessages : 1;
  const waiting: Array<(c: PooledConnection | Error) => void> = [];
  let open = 0;
  let closed = false;
  const signer = dkim
    ? new DKIM({
        domainName: dkim.domainName,
        keySelector: dkim.keySelector,
        privateKey: dkim.privateKey,
        headerFieldNames: SIGNED_HEADERS,
      })
    : null;
  // A signed body must reach the receiver byte for byte: 8bit only when the site opted in.
  const eightBitBodies = !dkim || dkim.allowEightBit === true;

  const connect = () =>
    new Promise<PooledConnection>((resolve, reject) => {
      const connection = new SMTPConnection({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        name: smtp.name,
        requireTLS: smtp.requireTLS,
        ignoreTLS: smtp.ignoreTLS,
        tls: { rejectUnauthorized: smtp.rejectUnauthorized },
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 120_000,
      });
      const pooled: PooledConnection = { connection, sent: 0, broken: false };
      let connected = false;
      // A refused or failed connection is reported only as an 'error' event, not to connect()'s callback.
      connection.on('error', (error) => {
        pooled.broken = true;
        if (!connected) reject(mark(error, false));
      });
      connection.on('end', () => {
        pooled.broken = true;
      });
      connection.connect((error) => {
        if (error) return reject(mark(error, false));
        const ready = () => {
          connected = true;
          resolve(pooled);
        };
        if (!smtp.auth) return ready();
        connection.login({ user: smtp.auth.user, pass: smtp.auth.pass }, (loginError) =>
          loginError ? reject(mark(loginError, false)) : ready()
        );
      });
    });

  const acquire = async (): Promise<PooledConnection> => {
    if (closed) throw mark(new Error('the SMTP pool is closed'), false);
    while (idle.length) {
      const pooled = idle.pop()!;
      if (!pooled.broken) return pooled;
      open--;
    }
    if (open < smtp.maxConnections) {
      open++;
      try {
        return await connect();
      } catch (error) {
        open--;
        throw error;
      }
    }
    const next = await new Promise<PooledConnection | Error>((resolve) => waiting.push(resolve));
    if (next instanceof Error) throw next;
    return next;
  };

  const discard = (pooled: PooledConnection) => {
    pooled.broken = true;
    open--;
    pooled.connection.close();
    // A freed slot lets a waiter open a connection of its own.
    const waiter = waiting.shift();
    if (waiter) acquire().then(waiter, waiter);
  };

  const release = (pooled: PooledConnection) => {
    if (pooled.broken || pooled.sent >= maxMessages || closed) {
      if (!pooled.broken) pooled.connection.quit();
      pooled.broken = true;
      open--;
      const waiter = waiting.shift();
      if (waiter) acquire().then(waiter, waiter);
      return;
    }
    const waiter = waiting.shift();
    if (waiter) waiter(pooled);
    else idle.push(pooled);
  };

  const transmit = (pooled: PooledConnection, message: OutgoingMessage) =>
    new Promise<SendResult>((resolve, reject) => {
      const body = new MessageBody();
      if (signer) signer.sign(message.raw).pipe(body);
      else if (message.dataSafe && endsWithCrlf(message.raw)) body.direct = message.raw;
      else body.end(message.raw);
      // BODY=8BITMIME goes with MAIL FROM only when the server announced it (nodemailer checks).
      const envelope = { from: message.envelope.from, to: [message.envelope.to], use8BitMime: eightBitBodies };
      pooled.connection.send(envelope, body, (error, info) => {
        if (error) return reject(mark(error, body.started));
        resolve({ response: info?.response });
      });
    });

  /** After a refused recipient or message the session is still good once reset; anything else ends it. */
  const afterFailure = (pooled: PooledConnection, error: unknown) =>
    new Promise<void>((resolve) => {
      const code = (error as { code?: string }).code;
      if (pooled.broken || (code !== 'EENVELOPE' && code !== 'EMESSAGE')) {
        discard(pooled);
        return resolve();
      }
      pooled.connection.reset((resetError) => {
        if (resetError) discard(pooled);
        else release(pooled);
        resolve();
      });
    });

  let eightBit: boolean | undefined;

  return {
    async supports8BitMime() {
      if (!eightBitBodies) return false;
      if (eightBit === undefined) {
        const pooled = await acquire();
        // nodemailer keeps the EHLO extensions it parsed on the connection and has no public getter.
        eightBit = pooled.connection._supportedExtensions?.includes('8BITMIME') ?? false;
        release(pooled);
      }
      return eightBit;
    },
    async send(message) {
      const pooled = await acquire();
      try {
        const result = await transmit(pooled, message);
        pooled.sent++;
        release(pooled);
        return result;
      } catch (error) {
        await afterFailure(pooled, error);
        throw error;
      }
    },
    async close() {
      closed = true;
      for (const waiter of waiting.splice(0)) waiter(mark(new Error('the SMTP pool is closed'), false));
      for (const pooled of idle.splice(0)) pooled.connection.quit();
      open = 0;
    },
  };
};
