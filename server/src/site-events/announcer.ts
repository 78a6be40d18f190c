import type { Announce, SiteEventName, SiteEventPayloads } from './catalogue';

export interface AnnouncerOptions {
  emit(name: string, payload: unknown): unknown;
  /** The site's `events.includeEmail` setting, read when an event goes out. */
  includeEmail(): Promise<boolean>;
  log: { warn(message: string): void };
  /**
   * How long the next event waits for the listeners of one before it goes out anyway (default 30 s):
   * a listener that never settles must not hold back every event after it.
   */
  listenerPatienceMs?: number;
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
 *
 * Events go out one after another in the order they were announced (an `after` holds its place
 * until its `ready` settles): what a change reads after it commits, or the setting an event waits
 * for, finishes in any order, and a site that hears "paused" after "resumed" would act on a state
 * that is gone. Each waits for the listeners of the one before it, as Strapi's event hub awaits them.
 */
export const createAnnouncer = ({ emit, includeEmail, log, listenerPatienceMs = 30_000 }: AnnouncerOptions): Announcer => {
  /** The listeners' work, or a warning once the patience is out: the events after it go on. */
  const heard = (name: string, listening: Promise<unknown>) => {
    let timer: NodeJS.Timeout | undefined;
    const outwaited = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log.warn(`campaigns: the listeners of ${name} took over ${listenerPatienceMs} ms; the events after it go out`);
        resolve();
      }, listenerPatienceMs);
      timer.unref();
    });
    return Promise.race([listening, outwaited]).finally(() => clearTimeout(timer));
  };
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = (step: () => unknown) => {
    tail = tail.then(step).catch((error: Error) => log.warn(`campaigns: an event was not announced: ${error.message}`));
  };
  /** The sends of the `after` whose turn it is: its events take its place, not the end of the line. */
  let collecting: Array<() => Promise<unknown>> | null = null;
  const announce = <N extends SiteEventName>(name: N, payload: SiteEventPayloads[N]) => {
    const include = includeEmail();
    // Read now, used in its turn: a rejection before then is handled there, not unhandled.
    include.catch(() => undefined);
    const send = () =>
      include
        .then((included) => heard(name, Promise.resolve(emit(name, included ? payload : withoutEmail(payload)))))
        .catch((error: Error) => log.warn(`campaigns: the ${name} event was not announced: ${error.message}`));
    if (collecting) collecting.push(send);
    else inTurn(send);
  };
  return Object.assign(announce, {
    after<T>(ready: Promise<T>, announceAll: (value: T) => void) {
      const committed = ready.then(
        (value) => ({ value }),
        () => null
      );
      inTurn(async () => {
        const outcome = await committed;
        if (!outcome) return;
        const sends: Array<() => Promise<unknown>> = [];
        collecting = sends;
        try {
          announceAll(outcome.value);
        } finally {
          collecting = null;
        }
        for (const send of sends) await send();
      });
    },
    async settled() {
      let seen;
      do {
        seen = tail;
        await seen;
      } while (seen !== tail);
    },
  });
};
