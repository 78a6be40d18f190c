import { createHmac, timingSafeEqual } from 'node:crypto';

const MAC_HEX = 10;
// RFC 5321: a local part is at most 64 octets.
const MAX_LOCAL_PART = 64;

/**
 * What a signed address is for (`campaigns-verp-v1`, `campaigns-reply-v1`): part of what the MAC
 * signs, so an address signed for one purpose is never valid for another.
 */
export interface AddressPurpose {
  label: string;
  /** How error messages name the base address: "bounce address", "reply address". */
  noun: string;
}

const macOf = (secret: string, purpose: AddressPurpose, id: string) =>
  createHmac('sha256', secret).update(`${purpose.label}:${id}`).digest('hex').slice(0, MAC_HEX);

const split = (address: string) => {
  const at = address.lastIndexOf('@');
  return at > 0 ? { local: address.slice(0, at), domain: address.slice(at + 1) } : null;
};

/**
 * A mailbox's address with an id and a 40-bit HMAC after a `+` (`bounces+2n9c-5f0a1b2c3d@example.com`).
 * Lower case only, as some servers fold the case of local parts; the MAC keeps forged addresses
 * from naming other people's deliveries.
 */
export const signedAddress = (purpose: AddressPurpose, secret: string, base: string, id: number): string => {
  const parts = split(base);
  if (!parts || parts.local.includes('+')) throw new Error(`the ${purpose.noun} "${base}" must be local@domain without a "+"`);
  if (!Number.isSafeInteger(id) || id < 0) throw new Error(`a delivery id must be a non-negative integer, got ${id}`);
  const token = id.toString(36);
  const local = `${parts.local}+${token}-${macOf(secret, purpose, token)}`;
  if (local.length > MAX_LOCAL_PART)
    throw new Error(`the ${purpose.noun} "${base}" leaves no room for the delivery in a 64-character local part`);
  return `${local}@${parts.domain}`;
};

/**
 * The id a signed address of this base carries; null when the address is not one of its signed
 * addresses or its MAC does not match (compared in constant time). Case-insensitive.
 */
export const idOfSignedAddress = (purpose: AddressPurpose, secret: string, base: string, address: string): number | null => {
  const mailbox = split(base.toLowerCase());
  const parts = split(address.trim().toLowerCase());
  if (!mailbox || !parts || parts.domain !== mailbox.domain) return null;
  const match = new RegExp(`^${mailbox.local.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\+([0-9a-z]{1,11})-([0-9a-f]{${MAC_HEX}})$`).exec(
    parts.local
  );
  if (!match) return null;
  const [, token, mac] = match;
  if (!timingSafeEqual(Buffer.from(mac), Buffer.from(macOf(secret, purpose, token)))) return null;
  const id = parseInt(token, 36);
  return Number.isSafeInteger(id) ? id : null;
};
