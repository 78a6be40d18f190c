import type { Transport } from '../../mail/transport';
import { lazyTransport } from '../transport';

const fakeTransport = (supports8Bit: () => Promise<boolean>) => {
  const transport = { send: jest.fn(), supports8BitMime: jest.fn(supports8Bit), close: jest.fn(async () => undefined) };
  return transport as typeof transport & Transport;
};

describe('the lazy transport', () => {
  it('makes the transport on first use only, and closes it once', async () => {
    const made = fakeTransport(async () => true);
    const make = jest.fn(() => made);
    const holder = lazyTransport(make);
    expect(make).not.toHaveBeenCalled();
    expect(holder.get()).toBe(made);
    expect(holder.get()).toBe(made);
    expect(make).toHaveBeenCalledTimes(1);
    await holder.close();
    await holder.close();
    expect(made.close).toHaveBeenCalledTimes(1);
  });

  it('closes nothing when no message was ever sent', async () => {
    const make = jest.fn(() => fakeTransport(async () => true));
    await lazyTransport(make).close();
    expect(make).not.toHaveBeenCalled();
  });

  it('answers no 8-bit bodies when the server cannot be asked', async () => {
    expect(await lazyTransport(() => fakeTransport(async () => true)).eightBitMime()).toBe(true);
    expect(await lazyTransport(() => fakeTransport(async () => Promise.reject(new Error('ECONNREFUSED')))).eightBitMime()).toBe(false);
  });
});
