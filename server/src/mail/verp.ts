import { idOfSignedAddress, signedAddress, type AddressPurpose } from './signed-address';

const VERP: AddressPurpose = { label: 'campaigns-verp-v1', noun: 'bounce address' };

/**
 * The envelope sender (Return-Path) of one delivery: the bounce mailbox's address with the
 * delivery id and a 40-bit HMAC after a `+` (`bounces+2n9c-5f0a1b2c3d@example.com`); the MAC
 * keeps forged bounces from failing other people's deliveries.
 */
export const verpAddress = (secret: string, bounceAddress: string, deliveryId: number) =>
  signedAddress(VERP, secret, bounceAddress, deliveryId);

/**
 * The delivery a bounce was sent back to, from the address it arrived at; null when the address is
 * not a VERP address of this bounce mailbox or its MAC does not match. Case-insensitive.
 */
export const deliveryOfVerp = (secret: string, bounceAddress: string, address: string): number | null =>
  idOfSignedAddress(VERP, secret, bounceAddress, address);
