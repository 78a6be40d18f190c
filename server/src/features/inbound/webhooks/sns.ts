import { createVerify, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { RequestRefused } from './verification';

/** An Amazon SNS HTTP(S) message (notification or subscription confirmation), as AWS documents its JSON. */
export const snsMessageSchema = z.object({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  MessageId: z.string().min(1),
  TopicArn: z.string().min(1),
  Message: z.string(),
  Timestamp: z.string().min(1),
  SignatureVersion: z.enum(['1', '2']),
  Signature: z.string().min(1),
  SigningCertURL: z.string().min(1),
  Subject: z.string().nullish(),
  SubscribeURL: z.string().nullish(),
  Token: z.string().nullish(),
});
export type SnsMessage = z.output<typeof snsMessageSchema>;

// sns.<region>.amazonaws.com, or .amazonaws.com.cn in the China regions: nothing else serves SNS certificates or subscriptions.
const SNS_HOST = /^sns\.[a-z]{2}(-[a-z]+)+-\d+\.amazonaws\.com(\.cn)?$/;

/**
 * The URL, if it is one of SNS's own: https on the default port, an `sns.<region>.amazonaws.com`
 * host, no credentials. A certificate from anywhere else would let anyone sign.
 */
export const amazonSnsUrl = (value: string, what: string): URL => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RequestRefused(`${what} is not a URL`);
  }
  if (url.protocol !== 'https:') throw new RequestRefused(`${what} must be https, not ${url.protocol.replace(':', '')}`);
  if (!SNS_HOST.test(url.hostname) || url.port || url.username || url.password)
    throw new RequestRefused(`${what} must be on an sns.<region>.amazonaws.com host, not ${url.host}`);
  return url;
};

export const certificateUrl = (message: SnsMessage): URL => {
  const url = amazonSnsUrl(message.SigningCertURL, 'SigningCertURL');
  if (!url.pathname.endsWith('.pem')) throw new RequestRefused('SigningCertURL must name a .pem certificate');
  return url;
};

// The fields AWS signs, in its order; Subject only when the notification has one.
const SIGNED_FIELDS = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
} as const;

/** The string SNS signs: each signed field's name and value on lines of their own. */
export const stringToSign = (message: SnsMessage): string =>
  SIGNED_FIELDS[message.Type]
    .map((field) => {
      const value = message[field];
      if (value === undefined || value === null) {
        if (field === 'Subject') return '';
        throw new RequestRefused(`an SNS ${message.Type} without ${field} cannot be verified`);
      }
      return `${field}\n${value}\n`;
    })
    .join('');

/** SignatureVersion 1 is RSA over SHA-1, 2 over SHA-256, with the certificate's key. */
export const assertSnsSignature = (message: SnsMessage, certificate: X509Certificate, now: number) => {
  if (Date.parse(certificate.validTo) < now || Date.parse(certificate.validFrom) > now)
    throw new RequestRefused(`the SNS signing certificate is not valid now (${certificate.validFrom} to ${certificate.validTo})`);
  const verifier = createVerify(message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
  verifier.update(stringToSign(message), 'utf8');
  if (!verifier.verify(certificate.publicKey, message.Signature, 'base64'))
    throw new RequestRefused('the SNS signature does not match the message and its certificate');
};

/**
 * Certificates by URL, fetched once each: SNS names a new file when it rotates its key, so a URL's
 * certificate never changes. A failed fetch is not kept (the next message tries again); the number
 * kept is bounded whatever URLs forged messages name (they are refused before any fetch anyway).
 */
export const createCertificateCache = (max = 32) => {
  const cache = new Map<string, Promise<X509Certificate>>();
  const load = async (url: string, fetchText: (url: string) => Promise<string>) => {
    let pem: string;
    try {
      pem = await fetchText(url);
    } catch (error) {
      throw new RequestRefused(`the SNS signing certificate could not be fetched from ${url}: ${(error as Error).message}`);
    }
    try {
      return new X509Certificate(pem);
    } catch {
      throw new RequestRefused(`${url} does not hold a PEM certificate`);
    }
  };
  return (url: URL, fetchText: (url: string) => Promise<string>): Promise<X509Certificate> => {
    const key = url.href;
    let entry = cache.get(key);
    if (!entry) {
      entry = load(key, fetchText);
      entry.catch(() => cache.delete(key));
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(key, entry);
    }
    return entry;
  };
};
