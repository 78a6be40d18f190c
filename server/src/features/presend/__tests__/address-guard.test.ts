import { guardedLookup, isPrivateAddress, PrivateAddressError } from '../address-guard';

test.each([
  '127.0.0.1',
  '127.255.0.9',
  '10.1.2.3',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '224.0.0.1',
  '::1',
  '::',
  'fe80::1',
  'fe80::1%eth0',
  'fd12:3456::1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '0:0:0:0:0:ffff:10.0.0.1',
  '[::ffff:192.168.0.1]',
  'not-an-address',
])('%s is refused', (address) => {
  expect(isPrivateAddress(address)).toBe(true);
});

test.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s may be reached', (address) => {
  expect(isPrivateAddress(address)).toBe(false);
});

const fakeDns =
  (answers: Record<string, string[]>) =>
  (hostname: string, _options: object, callback: (error: Error | null, addresses: Array<{ address: string; family: number }>) => void) =>
    callback(
      null,
      (answers[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
    );

const lookup = (host: string, all: boolean) =>
  new Promise<unknown>((resolve, reject) =>
    guardedLookup(
      fakeDns({ 'public.test': ['93.184.215.14'], 'inside.test': ['93.184.215.14', '10.0.0.7'], 'mapped.test': ['::ffff:127.0.0.1'] })
    )(host, { all }, (error, address) => (error ? reject(error) : resolve(address)))
  );

test('a name is refused when any address it resolves to is private, IPv4-mapped ones too', async () => {
  await expect(lookup('public.test', false)).resolves.toBe('93.184.215.14');
  await expect(lookup('public.test', true)).resolves.toEqual([{ address: '93.184.215.14', family: 4 }]);
  await expect(lookup('inside.test', false)).rejects.toThrow(new PrivateAddressError('inside.test', '10.0.0.7'));
  await expect(lookup('mapped.test', true)).rejects.toThrow(/mapped\.test resolves to ::ffff:127\.0\.0\.1/);
});

test('localhost, resolved by the real resolver, is refused', async () => {
  await expect(
    new Promise((resolve, reject) =>
      guardedLookup()('localhost', { all: false }, (error, address) => (error ? reject(error) : resolve(address)))
    )
  ).rejects.toBeInstanceOf(PrivateAddressError);
});
