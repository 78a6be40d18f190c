import type { RecordedEvent } from '../delivery-event';
import { eventsProcessor } from '../reactors';

const event = (id: number): RecordedEvent => ({ id, type: 'open', deliveryId: id, campaignId: 1, contactId: id, at: 1000 + id });

test('every reactor hears every event of a batch job, in order; a job of one event (before batching) is still taken', async () => {
  const heard: string[] = [];
  const process = eventsProcessor([(e) => void heard.push(`a${e.id}`), (e) => void heard.push(`b${e.id}`)]);
  await process({ name: 'events', data: { events: [event(1), event(2)] } } as never);
  await process({ name: 'event', data: event(3) } as never);
  expect(heard).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
});

test('a reactor that throws fails the job (BullMQ retries its batch)', async () => {
  const process = eventsProcessor([
    (e) => {
      if (e.id === 2) throw new Error('rate guard down');
    },
  ]);
  await expect(process({ name: 'events', data: { events: [event(1), event(2)] } } as never)).rejects.toThrow('rate guard down');
});

test("a reactor's work in flight ends before the next reactor or event starts; one that answers nothing is not waited for", async () => {
  const heard: string[] = [];
  const later = (e: RecordedEvent) => new Promise<void>((resolve) => setImmediate(() => resolve(void heard.push(`slow${e.id}`))));
  const process = eventsProcessor([later, (e) => void heard.push(`fast${e.id}`)]);
  await process({ name: 'events', data: { events: [event(1), event(2)] } } as never);
  expect(heard).toEqual(['slow1', 'fast1', 'slow2', 'fast2']);
});
