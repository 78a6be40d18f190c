import type { ContactSignal, SignalOutcome } from '../contact-signals/apply-signal';
import type { Announce, SiteEventName, SiteEventPayloads } from './catalogue';

/** One event ready to announce. */
export type SiteEvent = { [N in SiteEventName]: { name: N; payload: SiteEventPayloads[N] } }[SiteEventName];

/**
 * The events of one applied signal: one per contact whose state it changed (a repeat changed none,
 * so it announces nothing), and one for the suppression it wrote. The inbound pipeline announces
 * its bounces and complaints itself, with the notice they came from (once per notice, also when
 * the contact was bounced already), so its signals add none of those.
 */
export const signalEvents = (signal: ContactSignal, outcome: SignalOutcome): SiteEvent[] => {
  const origin = signal.origin ?? 'api';
  const delivery = { campaignId: signal.delivery?.campaignId ?? null, deliveryId: signal.delivery?.deliveryId ?? null };
  const events: SiteEvent[] = [];
  if (outcome.suppression) {
    const s = outcome.suppression;
    events.push({
      name: 'campaigns.suppression.create',
      payload: {
        suppressionDocumentId: s.documentId,
        email: s.email,
        reason: s.reason,
        scope: 'global',
        topic: null,
        expiresAt: s.expiresAt ? s.expiresAt.toISOString() : null,
        origin,
      },
    });
  }
  const byEditor = { noticeId: null, source: null };
  for (const contact of outcome.changed) {
    const about = { contactId: contact.id, contactDocumentId: contact.documentId, email: contact.email, origin };
    switch (signal.type) {
      case 'unsubscribe':
        events.push({ name: 'campaigns.unsubscribe', payload: { ...about, ...delivery } });
        break;
      case 'resubscribe':
        events.push({ name: 'campaigns.resubscribe', payload: about });
        break;
      case 'bounce':
        if (origin !== 'inbound')
          events.push({
            name: 'campaigns.bounce',
            payload: { ...about, ...delivery, ...byEditor, bounceType: null, reason: null, action: 'marked' },
          });
        break;
      case 'complaint':
        if (origin !== 'inbound') events.push({ name: 'campaigns.complaint', payload: { ...about, ...delivery, ...byEditor } });
        break;
      case 'soft-bounce-limit':
        break;
    }
  }
  return events;
};

/** Announces each event; the union's name and payload always match, which the generic signature cannot see. */
export const announceEach = (announce: Announce, events: readonly SiteEvent[]) => {
  for (const event of events) (announce as (name: SiteEventName, payload: unknown) => void)(event.name, event.payload);
};
