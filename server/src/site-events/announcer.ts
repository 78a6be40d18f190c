import type { Announce, SiteEventName, SiteEventPayloads } from './catalogue';

export interface AnnouncerOptions {
  emit(name: string, payload: unknown): unknown;
  /** The site's `events.includeEmail` setting, read when an event goes out. */
  includeEmail(): Promise<boolean>;
  log: { warn(message: string): void };
}

/** `announce`, with what waits for it: a change's events go out after the change, never inside it. */
export interface Announcer extends Announce {
  /**
   * Announces once `ready` resolves (a transaction committed, a read of what the event names
   * answered); nothing when it rejects (rolled back).
   */
  after<T>(ready: Promise<T>, announceAll: (value: T) => void): void;
  /** Resolves once every event announced so far went out: a test, or a shutdown, waits for them. */
  settled(): Promise<void>;
}

const withoutEmail = <P>(payload: P): P => {
  if (!payload || typeof payload !== 'object' || !('email' in payload)) return payload;
  const { email: _email, ...rest } = payload as P & { email?: unknown };
  return rest as P;
};

/**
 * Announces a `campaigns.*` event to the rest of the site. Never throws and never waits: the change
 * it reports is already committed, and a listener's trouble must not undo or delay it.
 */
export const createAnnouncer = ({ emit, includeEmail, log }: AnnouncerOptions): Announcer => {
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const announce = <N extends SiteEventName>(name: N, payload: SiteEventPayloads[N]) => {
    track(
      includeEmail()
        .then((include) => emit(name, include ? payload : withoutEmail(payload)))
        .catch((error: Error) => log.warn(`campaigns: the ${name} event was not announced: ${error.message}`))
    );
  };
  return Object.assign(announce, {
    after<T>(ready: Promise<T>, announceAll: (value: T) => void) {
      track(ready.then(announceAll, () => undefined));
    },
    async settled() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  });
};
