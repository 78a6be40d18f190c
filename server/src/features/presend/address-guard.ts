import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Where a link check must never connect: the machine itself, the private networks behind it, and
 * the ranges no public site lives on (IANA's special-purpose registries). An editor's link is an
 * address the server fetches, so without this a campaign could probe the host's network.
 */
const PRIVATE_V4: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const PRIVATE_V6: ReadonlyArray<[string, number]> = [
  // Unspecified, loopback and the deprecated IPv4-compatible addresses (::a.b.c.d).
  ['::', 96],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
];

const blocked = new BlockList();
for (const [network, prefix] of PRIVATE_V4) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of PRIVATE_V6) blocked.addSubnet(network, prefix, 'ipv6');

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`, `::ffff:7f00:1`): what it reaches is the IPv4 one. */
const mappedV4 = (address: string): string | null => {
  const match = /^(?:0{0,4}:){0,5}:?ffff:(.+)$/i.exec(address);
  if (!match) return null;
  const tail = match[1];
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
};

/** Whether an IP address is one a link check may not reach; anything that is not an IP address is refused too. */
export const isPrivateAddress = (address: string): boolean => {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family !== 6) return true;
  const v4 = mappedV4(bare);
  return v4 ? blocked.check(v4, 'ipv4') : blocked.check(bare, 'ipv6');
};

/** The error of a connection the guard refused: the host resolved to an address it may not reach. */
export class PrivateAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string
  ) {
    super(`${host} resolves to ${address}, a private or reserved address`);
  }
}

type Resolve = (hostname: string, options: LookupAllOptions, callback: (error: Error | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for http.request that refuses a host when any of its addresses is private, checked at
 * the moment of connecting: the address connected to is the one checked, so a name that resolves
 * to a public address for a check and to a private one for the request (DNS rebinding) gets nowhere.
 */
export const guardedLookup =
  (resolve: Resolve = dnsLookup as unknown as Resolve) =>
  (
    hostname: string,
    options: LookupOneOptions | LookupAllOptions,
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void
  ) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((entry) => isPrivateAddress(entry.address));
      if (refused) return callback(new PrivateAddressError(hostname, refused.address), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
