import type { Announce, SiteEventName, SiteEventPayloads } from './catalogue';

export interface AnnouncerOptions {
  emit(name: string, payload: unknown): unknown;
  /** The site's `events.includeEmail` setting, read when an event goes out. */
  includeEmail(): Promise<boolean>;
  log: { warn(message: string): void };
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
export const createAnnouncer = ({ emit, includeEmail, log }: AnnouncerOptions): Announce => {
  return <N extends SiteEventName>(name: N, payload: SiteEventPayloads[N]) => {
    void includeEmail()
      .then((include) => emit(name, include ? payload : withoutEmail(payload)))
      .catch((error: Error) => log.warn(`campaigns: the ${name} event was not announced: ${error.message}`));
  };
};
