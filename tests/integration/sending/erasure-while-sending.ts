import { TABLES } from '../../../server/src/constants';
import { createErasure } from '../../../server/src/features/audience/contacts/erasure';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';
import { waitUntil } from '../../helpers/wait';

const { strapi, service, sink } = useGroupApp();
const knex = () => strapi().db.connection;
const by = { origin: 'api' as const, label: 'test' };

/** The contact's delivery row, by the contact's row id (the address goes with the erasure). */
const deliveryRow = (contactId: number) => knex()(TABLES.deliveries).select('state', 'email').where('contact_id', contactId).first();
const contactIdOf = async (documentId: string) =>
  Number(
    (await knex()(strapi().db.metadata.get('plugin::campaigns.contact').tableName).select('id').where('document_id', documentId).first()).id
  );

test('a message a worker has claimed: the erasure waits for the slow SMTP answer, then nothing more goes out', async () => {
  const victim = 'slow.victim@example.com';
  // The server takes its time to accept: the delivery stays claimed (sending) for seconds.
  sink().behave(victim, () => ({ delayMs: 2500 }));
  const campaign = await seedCampaign(strapi(), 'Erase in flight', [{ email: victim }]);
  const contact = (await service('contacts').findByEmail(victim))!;
  const contactId = await contactIdOf(contact.documentId);
  await service('sending').sendNow(campaign.documentId);
  await waitUntil(async () => (await deliveryRow(contactId))?.state === 'sending', 'the claim of the delivery');
  expect(sink().to(victim)).toHaveLength(0);

  await service('contacts').erase(contact.documentId, { by });
  const committed = Date.now();
  // The erasure committed only once the message had been accepted and recorded: it went before, not after.
  const received = sink().to(victim);
  expect(received).toHaveLength(1);
  expect(received[0].receivedAt).toBeLessThanOrEqual(committed);
  expect(await deliveryRow(contactId)).toEqual({ state: 'sent', email: '' });

  const done = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(done).toMatchObject({ state: 'sent', targeted: 1, sent: 1 });
  expect(sink().to(victim)).toHaveLength(1);
});

test('queued deliveries of an erased contact end suppressed and are never sent; the counts still add up', async () => {
  // One send job (batches of 5 here) sends its deliveries in order, one at a time for outlook.com (10/s in this group):
  // while the server takes seconds over the first message, the victim's delivery waits queued behind it.
  const first = 'slow.first@outlook.com';
  const victim = 'queued.victim@outlook.com';
  sink().behave(first, () => ({ delayMs: 2500 }));
  const others = ['queued.a@outlook.com', 'queued.b@outlook.com', 'queued.c@outlook.com'];
  const campaign = await seedCampaign(
    strapi(),
    'Erase while queued',
    [first, ...others, victim].map((email) => ({ email }))
  );
  const contact = (await service('contacts').findByEmail(victim))!;
  const contactId = await contactIdOf(contact.documentId);
  const firstId = await contactIdOf((await service('contacts').findByEmail(first))!.documentId);
  await service('sending').sendNow(campaign.documentId);
  await waitUntil(async () => (await deliveryRow(firstId))?.state === 'sending', 'the claim of the first delivery');
  expect(await deliveryRow(contactId)).toEqual({ state: 'queued', email: victim });

  const result = await service('contacts').erase(contact.documentId, { by });
  expect(result.counts).toMatchObject({ deliveries: 1, deliveriesSuppressed: 1 });

  const done = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(done).toMatchObject({ state: 'sent', targeted: 5, sent: 4, suppressed: 1 });
  expect(done.sent + done.failed + done.suppressed + done.unknown).toBe(done.targeted);
  expect(sink().to(victim)).toHaveLength(0);
  expect(sink().to(first)).toHaveLength(1);
  expect(await deliveryRow(contactId)).toEqual({ state: 'suppressed', email: '' });
});

test('a message still in flight when the wait runs out: the erasure is refused and changes nothing', async () => {
  const victim = 'very.slow@example.com';
  sink().behave(victim, () => ({ delayMs: 3000 }));
  const campaign = await seedCampaign(strapi(), 'Erase too early', [{ email: victim }]);
  const contact = (await service('contacts').findByEmail(victim))!;
  const contactId = await contactIdOf(contact.documentId);
  await service('sending').sendNow(campaign.documentId);
  await waitUntil(async () => (await deliveryRow(contactId))?.state === 'sending', 'the claim of the delivery');

  // The service waits a minute; an erasure made here waits a fraction of a second.
  const impatient = createErasure(strapi(), () => undefined, { claimWaitMs: 300 });
  await expect(impatient.erase(contact.documentId, by)).rejects.toThrow(/being sent right now .* nothing was erased/);
  expect(await deliveryRow(contactId)).toEqual({ state: 'sending', email: victim });
  expect(await service('contacts').findOne(contact.documentId)).toMatchObject({ email: victim });
  expect(await knex()(TABLES.erasures).where('contact_document_id', contact.documentId)).toEqual([]);

  await waitForProgress(strapi(), campaign.documentId, finished);
  expect(sink().to(victim)).toHaveLength(1);
  await impatient.erase(contact.documentId, by);
  expect(await deliveryRow(contactId)).toEqual({ state: 'sent', email: '' });
});
