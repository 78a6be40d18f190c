import { idOfSignedAddress, signedAddress, type AddressPurpose } from '../../../mail/signed-address';

// Signed like a VERP address, under a label of its own: a bounce address's token never opens a reply match.
const REPLY: AddressPurpose = { label: 'campaigns-reply-v1', noun: 'reply address' };

/**
 * The Reply-To of one delivery, for sites whose replies mailbox takes plus addresses:
 * `replies+<delivery id in base 36>-<40-bit MAC>@example.com`.
 */
export const replyAddressOf = (secret: string, base: string, deliveryId: number): string => signedAddress(REPLY, secret, base, deliveryId);

/** The delivery a reply was sent to, from its signed reply address; null for any other address or a wrong MAC. */
export const deliveryOfReplyAddress = (secret: string, base: string, address: string): number | null =>
  idOfSignedAddress(REPLY, secret, base, address);
