import { binaryReason } from '../sniff';

test('UTF-8 text passes, even when the sample cuts a character in two', () => {
  expect(binaryReason(Buffer.from('email,name\nzoë@x.io,Zoë\n'))).toBeUndefined();
  expect(binaryReason(Buffer.from('name\nZo\u00eb').subarray(0, -1))).toBeUndefined();
});

test('NUL bytes and invalid UTF-8 look binary', () => {
  expect(binaryReason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatch(/looks binary \(a NUL byte at offset 4\)/);
  expect(binaryReason(Buffer.from('\ufeffa', 'utf16le'))).toMatch(/looks binary/);
  expect(binaryReason(Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb, 0x0a]))).toMatch(/looks binary or is not UTF-8/);
});
