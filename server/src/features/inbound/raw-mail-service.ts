import type { Core } from '@strapi/strapi';
import type { InboundKind } from './classifier/classification';
import { rootOf } from '../../composition/accessor';
import { assertRawMailSignature } from './raw-mail';

export interface RawMailReceipt {
  /** What the classifier made of the mail. */
  kind: InboundKind;
  /** What the pipeline did: one outcome per recipient (one for a mail without recipients). */
  outcomes: number;
}

/** POST /api/campaigns/inbound/mail: one raw mail from the site's MTA, signed with `inbound.rawMail.secret`. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The secret, or null while none is configured: the route then answers as if it did not exist. */
  secret: (): string | null => rootOf(strapi).config.inbound.rawMail?.secret ?? null,

  /** Mail larger than this is refused with 413 before it is read: the classifier's own limit. */
  maxBytes: (): number => rootOf(strapi).config.inbound.limits.maxMessageBytes,

  /** Throws RequestRefused when the signature is missing or wrong; then nothing is classified. */
  async receive(body: Buffer, signature: string | undefined, secret: string): Promise<RawMailReceipt> {
    assertRawMailSignature(body, signature, secret);
    const { classification, outcomes } = await rootOf(strapi).running.mail.take(body, { source: 'raw', origin: 'raw' });
    return { kind: classification.kind, outcomes: outcomes.length };
  },
});
