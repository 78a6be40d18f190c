import { execFileSync } from 'node:child_process';
import { createPrivateKey, createSign, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebhookContext, WebhookRequest } from '../provider';
import { stringToSign, type SnsMessage } from '../sns';
import { hmacSha256 } from '../verification';

/**
 * Requests signed the way each provider documents, for the unit tests and the inbound integration
 * group: an RSA key with a self-signed certificate for SNS (made by openssl), an ECDSA P-256 pair
 * for SendGrid, HMACs for Mailgun.
 */

export const requestOf = (body: string | Buffer, headers: Record<string, string> = {}, pathToken?: string): WebhookRequest => {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), header: (name) => lower[name.toLowerCase()], pathToken };
};

/** A context at `now` whose one-time claims live in a set and whose GETs answer from a map of URLs. */
export const contextOf = (now: number, pages: Record<string, string> = {}, maxAgeSeconds = 300) => {
  const claimed = new Set<string>();
  const fetched: string[] = [];
  const context: WebhookContext = {
    now,
    maxAgeSeconds,
    claimOnce: async (key) => !claimed.has(key) && Boolean(claimed.add(key)),
    fetchText: async (url) => {
      fetched.push(url);
      if (!(url in pages)) throw new Error(`GET answered 404`);
      return pages[url]!;
    },
  };
  return { context, claimed, fetched };
};

/** An RSA key and a self-signed certificate for it, valid from the second it is made for `days`. */
export const snsSigner = (days = 30): { key: KeyObject; certificate: string } => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sns-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-days',
        String(days),
        '-subj',
        '/CN=sns.amazonaws.com',
      ],
      { cwd: dir, stdio: 'ignore' }
    );
    return {
      key: createPrivateKey(readFileSync(path.join(dir, 'key.pem'))),
      certificate: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem';
export const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ses-feedback';

type Unsigned = Omit<SnsMessage, 'Signature' | 'SignatureVersion' | 'SigningCertURL'> & Partial<Pick<SnsMessage, 'SigningCertURL'>>;

/** An SNS message signed as AWS signs it (version 1: SHA-1, version 2: SHA-256). */
export const signSns = (key: KeyObject, fields: Unsigned, version: '1' | '2' = '2'): SnsMessage => {
  const message = { SigningCertURL: CERT_URL, ...fields, SignatureVersion: version, Signature: '' } as SnsMessage;
  const signer = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
  signer.update(stringToSign(message), 'utf8');
  return { ...message, Signature: signer.sign(key, 'base64') };
};

/** An SES event in an SNS notification of the test topic. */
export const sesNotification = (key: KeyObject, event: object, id = 'sns-message-1', version: '1' | '2' = '2') =>
  signSns(
    key,
    { Type: 'Notification', MessageId: id, TopicArn: TOPIC, Message: JSON.stringify(event), Timestamp: '2026-12-05T10:00:00.000Z' },
    version
  );

/** SendGrid's key pair: the public half as the base64 DER SendGrid shows. */
export const sendgridKeys = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
};

export const signSendgrid = (privateKey: KeyObject, timestamp: string, body: string) =>
  sign('sha256', Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString('base64');

/** A Mailgun webhook body: the signature block and the event data. */
export const mailgunBody = (signingKey: string, timestamp: number, token: string, eventData: object) =>
  JSON.stringify({
    signature: { timestamp: String(timestamp), token, signature: hmacSha256(signingKey, String(timestamp), token).toString('hex') },
    'event-data': eventData,
  });
