import { ImapFlow } from 'imapflow';
import { reconnectDelayMs } from './backoff';
import type { CheckpointStore } from './checkpoints';
import { accessTokenOf, describeMailbox, imapOptionsOf, type MailboxConfig } from './imap-options';
import type { Lease, Leases } from './lease';
import { errorText, scanFolder, type MailboxIntake } from './scan';

export interface WatchDependencies {
  intake: MailboxIntake;
  checkpoints: CheckpointStore;
  leases: Pick<Leases, 'acquire'>;
  maxMessageBytes: number;
  log: { info(message: string): void; warn(message: string): void };
}

/** A holder that stops renewing (a crash) is replaced after this long. */
const LEASE_TTL_MS = 30_000;
/** How often a process without the lease asks for it again. */
const STANDBY_RETRY_MS = 10_000;
/** Servers may end an IDLE after 30 minutes (RFC 2177) and NAT boxes forget quiet connections sooner: a scan renews it. */
const IDLE_RENEW_MS = 5 * 60_000;
/** How long a closing watcher lets the message under way finish before it drops the connection. */
const CLOSE_GRACE_MS = 15_000;

/** Resolves true when `work` settles within `ms`, false otherwise; the timer never keeps the process alive. */
const settlesWithin = (work: Promise<unknown>, ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms).unref();
  });
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
};

/**
 * Watches one mailbox for as long as the app runs, in the one process (of all that share the Redis)
 * holding its lease: connects, scans the folder from its checkpoint, then waits for new mail (IDLE
 * when the server offers it, else `pollSeconds`) and scans again. A failed connection, login or
 * command is logged once per attempt with the mailbox's name and tried again after a doubling
 * delay (backoff.ts), the lease given up meanwhile so that another process may take over.
 */
export const watchMailbox = (mailbox: MailboxConfig, deps: WatchDependencies) => {
  const stopping = new AbortController();
  const named = describeMailbox(mailbox);
  let connection: ImapFlow | undefined;

  /** Waits `ms`, or less when the watcher closes. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stopping.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      stopping.signal.addEventListener('abort', done);
      if (stopping.signal.aborted) done();
    });

  /** One connection, from login until it fails, the lease is lost or the watcher closes. */
  const session = async (lease: Lease, onReady: () => void) => {
    const imap = new ImapFlow(imapOptionsOf(mailbox, await accessTokenOf(mailbox)));
    connection = imap;
    const mayGoOn = () => !stopping.signal.aborted && lease.held;
    // An 'error' event without a listener would end the process; the command or wait it breaks reports it.
    imap.on('error', () => undefined);
    lease.onLost(() => imap.close());

    // Set by an EXISTS that grows the folder, whenever it comes (during a scan too): the next wait is skipped.
    const news = { arrived: false };
    let wake: (() => void) | undefined;
    imap.on('exists', ({ count, prevCount }: { count: number; prevCount: number }) => {
      if (count <= prevCount) return;
      news.arrived = true;
      wake?.();
    });
    const waitForMail = (idle: boolean) =>
      new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          clearTimeout(timer);
          wake = undefined;
          imap.off('close', onClose);
          stopping.signal.removeEventListener('abort', onAbort);
          if (error) reject(error);
          else resolve();
        };
        const onClose = () => settle(new Error(lease.held ? 'the server closed the connection' : 'the lease was lost'));
        const onAbort = () => settle();
        const timer = setTimeout(settle, idle ? IDLE_RENEW_MS : mailbox.pollSeconds * 1000);
        wake = () => settle();
        imap.once('close', onClose);
        stopping.signal.addEventListener('abort', onAbort);
        // IDLE ends when the next command (the scan's search, or the logout) is sent; a failed one shows as a closed connection.
        if (idle) imap.idle().catch(() => undefined);
      });

    try {
      await imap.connect();
      await imap.mailboxOpen(mailbox.folder);
      const idle = imap.capabilities.has('IDLE');
      deps.log.info(
        `campaigns: ${named}: connected, ${idle ? 'waiting for new mail with IDLE' : `polling every ${mailbox.pollSeconds} s`}`
      );
      onReady();
      const context = {
        mailbox,
        intake: deps.intake,
        checkpoints: deps.checkpoints,
        maxMessageBytes: deps.maxMessageBytes,
        log: deps.log,
        mayGoOn,
      };
      while (mayGoOn()) {
        news.arrived = false;
        await scanFolder(imap, context);
        if (!news.arrived && mayGoOn()) await waitForMail(idle);
      }
    } finally {
      connection = undefined;
      if (imap.usable) await imap.logout().catch(() => imap.close());
      else imap.close();
    }
  };

  const run = async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      let lease: Lease | null = null;
      let waitMs = 0;
      try {
        lease = await deps.leases.acquire(`mailbox:${mailbox.name}`, LEASE_TTL_MS);
        if (!lease) waitMs = STANDBY_RETRY_MS;
        else
          await session(lease, () => {
            failures = 0;
          });
      } catch (error) {
        if (stopping.signal.aborted) break;
        failures += 1;
        waitMs = reconnectDelayMs(failures);
        const reason = lease && !lease.held ? 'its lease was lost (Redis unreachable, or another process took over)' : errorText(error);
        deps.log.warn(`campaigns: ${named}: ${reason} (attempt ${failures} failed; next in ${Math.round(waitMs / 1000)} s)`);
      } finally {
        await lease?.release().catch(() => undefined);
      }
      if (waitMs) await pause(waitMs);
    }
  };
  const running = run();

  return {
    name: mailbox.name,
    /** Stops after the message under way (dropping the connection if that takes too long) and gives up the lease. */
    async close() {
      stopping.abort();
      if (await settlesWithin(running, CLOSE_GRACE_MS)) return;
      connection?.close();
      await running;
    },
  };
};

/** A watcher per configured mailbox; closing closes them all. */
export const watchMailboxes = (mailboxes: readonly MailboxConfig[], deps: WatchDependencies) => {
  const watchers = mailboxes.map((mailbox) => watchMailbox(mailbox, deps));
  return {
    async close() {
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
};
