import type { ContactSignal, SignalOutcome } from '../../contact-signals/apply-signal';
import { signalEvents } from '../signal-events';

const ann = { id: 1, documentId: 'doc-ann', email: 'ann@example.test' };
const bob = { id: 2, documentId: 'doc-bob', email: 'bob@example.test' };
const none: SignalOutcome = { changed: [], suppression: null };

const eventsOf = (signal: Partial<ContactSignal> & Pick<ContactSignal, 'type'>, outcome: SignalOutcome) =>
  signalEvents({ contactIds: [], ...signal }, outcome);

describe('the events of a contact signal', () => {
  it('one per contact it changed, none for a repeat that changed nothing', () => {
    const events = eventsOf({ type: 'unsubscribe', origin: 'admin' }, { changed: [ann, bob], suppression: null });
    expect(events).toEqual([
      {
        name: 'campaigns.unsubscribe',
        payload: {
          contactId: 1,
          contactDocumentId: 'doc-ann',
          email: 'ann@example.test',
          origin: 'admin',
          campaignId: null,
          deliveryId: null,
        },
      },
      {
        name: 'campaigns.unsubscribe',
        payload: {
          contactId: 2,
          contactDocumentId: 'doc-bob',
          email: 'bob@example.test',
          origin: 'admin',
          campaignId: null,
          deliveryId: null,
        },
      },
    ]);
    expect(eventsOf({ type: 'unsubscribe' }, none)).toEqual([]);
    expect(eventsOf({ type: 'resubscribe' }, none)).toEqual([]);
  });

  it('names the message an unsubscribe came from, and says `api` when no origin is given', () => {
    const [event] = eventsOf({ type: 'unsubscribe', delivery: { campaignId: 7, deliveryId: 70 } }, { changed: [ann], suppression: null });
    expect(event.payload).toMatchObject({ campaignId: 7, deliveryId: 70, origin: 'api' });
  });

  it('a resubscribe is announced as one', () => {
    expect(eventsOf({ type: 'resubscribe', origin: 'recipient' }, { changed: [ann], suppression: null })).toEqual([
      {
        name: 'campaigns.resubscribe',
        payload: { contactId: 1, contactDocumentId: 'doc-ann', email: 'ann@example.test', origin: 'recipient' },
      },
    ]);
  });

  it('the suppression it wrote, with when it ends', () => {
    const expiresAt = new Date('2030-01-02T03:04:05.000Z');
    const events = eventsOf(
      { type: 'soft-bounce-limit', origin: 'inbound' },
      { changed: [], suppression: { documentId: 'sup-1', email: 'ann@example.test', reason: 'soft-bounce-limit', expiresAt } }
    );
    expect(events).toEqual([
      {
        name: 'campaigns.suppression.create',
        payload: {
          suppressionDocumentId: 'sup-1',
          email: 'ann@example.test',
          reason: 'soft-bounce-limit',
          scope: 'global',
          topic: null,
          expiresAt: '2030-01-02T03:04:05.000Z',
          origin: 'inbound',
        },
      },
    ]);
  });

  it("an editor's bounce or complaint is announced; the inbound pipeline's are left to it", () => {
    const byEditor = eventsOf({ type: 'bounce', origin: 'admin' }, { changed: [ann], suppression: null });
    expect(byEditor).toEqual([
      {
        name: 'campaigns.bounce',
        payload: expect.objectContaining({ contactId: 1, action: 'marked', noticeId: null, source: null, bounceType: null }),
      },
    ]);
    expect(eventsOf({ type: 'complaint', origin: 'admin' }, { changed: [ann], suppression: null }).map((e) => e.name)).toEqual([
      'campaigns.complaint',
    ]);
    const inbound = { documentId: 'sup-2', email: 'ann@example.test', reason: 'hard-bounce', expiresAt: null };
    expect(eventsOf({ type: 'bounce', origin: 'inbound' }, { changed: [ann], suppression: inbound }).map((e) => e.name)).toEqual([
      'campaigns.suppression.create',
    ]);
    expect(eventsOf({ type: 'complaint', origin: 'inbound' }, { changed: [ann], suppression: null })).toEqual([]);
  });
});
