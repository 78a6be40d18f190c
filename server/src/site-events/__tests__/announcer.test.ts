import { createAnnouncer } from '../announcer';

const about = { contactId: 1, contactDocumentId: 'doc-1', email: 'ann@example.test', origin: 'admin' as const };

const announcerWith = (includeEmail: () => Promise<boolean>) => {
  const emitted: Array<[string, unknown]> = [];
  const warnings: string[] = [];
  const announce = createAnnouncer({
    emit: (name, payload) => emitted.push([name, payload]),
    includeEmail,
    log: { warn: (message) => void warnings.push(message) },
  });
  return { announce, emitted, warnings };
};

describe('the announcer', () => {
  it('leaves the address out unless the site opted in', async () => {
    const off = announcerWith(async () => false);
    off.announce('campaigns.resubscribe', about);
    await off.announce.settled();
    expect(off.emitted).toEqual([['campaigns.resubscribe', { contactId: 1, contactDocumentId: 'doc-1', origin: 'admin' }]]);

    const on = announcerWith(async () => true);
    on.announce('campaigns.resubscribe', about);
    await on.announce.settled();
    expect(on.emitted).toEqual([['campaigns.resubscribe', about]]);
  });

  it('announces after a commit, and nothing after a rollback', async () => {
    const { announce, emitted } = announcerWith(async () => false);
    announce.after(Promise.reject(new Error('rolled back')), () => announce('campaigns.resubscribe', about));
    announce.after(Promise.resolve(), () => announce('campaigns.unsubscribe', about));
    await announce.settled();
    expect(emitted.map(([name]) => name)).toEqual(['campaigns.unsubscribe']);
  });

  it('goes out in the order of the changes, whichever of their reads finishes first', async () => {
    const { announce, emitted } = announcerWith(async () => false);
    let commitFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (commitFirst = resolve));
    announce.after(first, () => announce('campaigns.unsubscribe', about));
    announce.after(Promise.resolve(), () => announce('campaigns.resubscribe', about));
    announce('campaigns.subscribe', { ...about, topics: [] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(emitted).toEqual([]);
    commitFirst();
    await announce.settled();
    expect(emitted.map(([name]) => name)).toEqual(['campaigns.unsubscribe', 'campaigns.resubscribe', 'campaigns.subscribe']);
  });

  it("waits for one event's listeners before the next, and a listener's failure costs only its event", async () => {
    const heard: string[] = [];
    const warnings: string[] = [];
    const announce = createAnnouncer({
      async emit(name) {
        heard.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        heard.push(`end ${name}`);
        if (name === 'campaigns.unsubscribe') throw new Error('listener broke');
      },
      includeEmail: async () => false,
      log: { warn: (message) => void warnings.push(message) },
    });
    announce('campaigns.unsubscribe', about);
    announce.after(Promise.resolve(), () => {
      throw new Error('could not list the events');
    });
    announce('campaigns.resubscribe', about);
    await announce.settled();
    expect(heard).toEqual([
      'start campaigns.unsubscribe',
      'end campaigns.unsubscribe',
      'start campaigns.resubscribe',
      'end campaigns.resubscribe',
    ]);
    expect(warnings).toEqual([
      'campaigns: the campaigns.unsubscribe event was not announced: listener broke',
      'campaigns: an event was not announced: could not list the events',
    ]);
  });

  it('a listener that never settles holds the next event only for its patience, and says so', async () => {
    const emitted: string[] = [];
    const warnings: string[] = [];
    const announce = createAnnouncer({
      emit(name) {
        emitted.push(name);
        return name === 'campaigns.unsubscribe' ? new Promise(() => undefined) : undefined;
      },
      includeEmail: async () => false,
      log: { warn: (message) => void warnings.push(message) },
      listenerPatienceMs: 50,
    });
    announce('campaigns.unsubscribe', about);
    announce('campaigns.resubscribe', about);
    await announce.settled();
    expect(emitted).toEqual(['campaigns.unsubscribe', 'campaigns.resubscribe']);
    expect(warnings).toEqual(['campaigns: the listeners of campaigns.unsubscribe took over 50 ms; the events after it go out']);
  });

  it('a setting that cannot be read costs the event, never the change: a warning, no throw', async () => {
    const { announce, emitted, warnings } = announcerWith(async () => {
      throw new Error('store down');
    });
    expect(() => announce('campaigns.resubscribe', about)).not.toThrow();
    await announce.settled();
    expect(emitted).toEqual([]);
    expect(warnings).toEqual(['campaigns: the campaigns.resubscribe event was not announced: store down']);
  });
});
