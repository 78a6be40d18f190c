import { createHmac, timingSafeEqual } from 'node:crypto';

const MAC_HEX = 10;
// RFC 5321: a local part is at most 64 octets.
const MAX_LOCAL_PART = 64;

const macOf = (secret: string, id: string) =>
  createHmac('sha256', secret).update(`campaigns-verp-v1:${id}`).digest('hex').slice(0, MAC_HEX);

const split = (address: string) => {
  const at = address.lastIndexOf('@');
  return at > 0 ? { local: address.slice(0, at), domain: address.slice(at + 1) } : null;
};

/**
 * The envelope sender (Return-Path) of one delivery: the bounce mailbox's address with the
 * delivery id and a 40-bit HMAC after a `+` (`bounces+2n9c-5f0a1b2c3d@example.com`). Lower case
 * only, as some servers fold the case of local parts; the MAC keeps forged bounces from failing
 * other people's deliveries.
 */
export const verpAddress = (secret: string, bounceAddress: string, deliveryId: number) => {
  const parts = split(bounceAddress);
  if (!parts || parts.local.includes('+')) throw new Error(`the bounce address "${bounceAddress}" must be local@domain without a "+"`);
  if (!Number.isSafeInteger(deliveryId) || deliveryId < 0)
    throw new Error(`a delivery id must be a non-negative integer, got ${deliveryId}`);
  const id = deliveryId.toString(36);
  const local = `${parts.local}+${id}-${macOf(secret, id)}`;
  if (local.length > MAX_LOCAL_PART)
    throw new Error(`the bounce address "${bounceAddress}" leaves no room for the delivery in a 64-character local part`);
  return `${local}@${parts.domain}`;
};

/**
 * The delivery a bounce was sent back to, from the address it arrived at; null when the address is
 * not a VERP address of this bounce mailbox or its MAC does not match. Case-insensitive.
 */
export const deliveryOfVerp = (secret: string, bounceAddress: string, address: string): number | null => {
  const mailbox = split(bounceAddress.toLowerCase());
  const parts = split(address.trim().toLowerCase());
  if (!mailbox || !parts || parts.domain !== mailbox.domain) return null;
  const match = new RegExp(`^${mailbox.local.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\+([0-9a-z]{1,11})-([0-9a-f]{${MAC_HEX}})$`).exec(
    parts.local
  );
  if (!match) return null;
  const [, id, mac] = match;
  if (!timingSafeEqual(Buffer.from(mac), Buffer.from(macOf(secret, id)))) return null;
  const deliveryId = parseInt(id, 36);
  return Number.isSafeInteger(deliveryId) ? deliveryId : null;
};
