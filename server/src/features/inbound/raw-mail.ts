import { hmacSha256, RequestRefused, sameSecret } from './webhooks/verification';

export const RAW_MAIL_SIGNATURE_HEADER = 'x-campaigns-signature';

/** What the sender puts in X-Campaigns-Signature: `sha256=` and the hex HMAC-SHA256 of the body under the secret. */
export const rawMailSignature = (secret: string, body: Buffer) => `sha256=${hmacSha256(secret, body).toString('hex')}`;

/**
 * The mail was signed with the configured secret. No timestamp is signed (a shell pipe from an
 * MTA has no clock worth trusting to share): a replayed mail is the same notice again, which the
 * pipeline applies once (its reference is the mail's Message-ID, else the hash of its bytes).
 */
export const assertRawMailSignature = (body: Buffer, header: string | undefined, secret: string) => {
  if (!header?.trim())
    throw new RequestRefused(`the ${RAW_MAIL_SIGNATURE_HEADER} header is missing: send sha256=<hex HMAC-SHA256 of the body>`);
  if (!sameSecret(header.trim().toLowerCase(), rawMailSignature(secret, body)))
    throw new RequestRefused(`the ${RAW_MAIL_SIGNATURE_HEADER} signature does not match the body`);
};
