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
