import type { Transport } from '../mail/transport';
import type { TransportSource } from '../features/sending/engine-ports';

/**
 * The transport of this process, made on first use (a process that never sends opens no SMTP
 * connection) and closed once.
 */
export const lazyTransport = (make: () => Transport): TransportSource & { close(): Promise<void> } => {
  let transport: Transport | undefined;
  const get = () => (transport ??= make());
  return {
    get,
    /** The pool remembers the server's answer; a probe that fails (no connection) costs only this job its 8-bit bodies. */
    async eightBitMime() {
      try {
        return (await get().supports8BitMime?.()) ?? false;
      } catch {
        return false;
      }
    },
    async close() {
      const current = transport;
      transport = undefined;
      await current?.close();
    },
  };
};
