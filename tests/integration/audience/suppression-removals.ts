import { hashEmail } from '../../../server/src/validation/email';
import { SUPER_ADMIN_EMAIL } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';
import { SUPPRESSION, suppressionsApi } from '../../helpers/suppressions';
import { waitUntil } from '../../helpers/wait';

/** Lifting a suppression from the admin: the note it needs, the record of who and why, the log, and what cannot be lifted. */
const group = useGroupApp();
const { strapi, auth, api, service } = group;
const { addOne, remove, rowsFor } = suppressionsApi(group);
const knex = () => strapi().db.connection;

test('needs a note, records who removed it and why, lifts it, leaves the contact as it was, and is announced', async () => {
  const contact = await service('contacts').create({ email: 'bounced@remove.test' });
  await service('contacts').setState(contact.documentId, 'bounced');
  const added = (await addOne({ email: 'bounced@remove.test', reason: 'hard-bounce' })).body.data;

  for (const data of [undefined, {}, { note: '   ' }]) {
    const res = await remove(added.documentId, data);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Invalid removal: note: say why the suppression is removed');
  }
  expect(await rowsFor('bounced@remove.test')).toHaveLength(1);

  const emitted = jest.spyOn(strapi().eventHub, 'emit');
  const before = Date.now();
  const res = await remove(added.documentId, { note: 'the mailbox works again (ticket 42)' });
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({ documentId: added.documentId });
  expect(await rowsFor('bounced@remove.test')).toEqual([]);
  expect(await service('suppressions').isSuppressed('bounced@remove.test')).toBe(false);

  const admin = await strapi()
    .db.query('admin::user')
    .findOne({ where: { email: SUPER_ADMIN_EMAIL }, select: ['id'] });
  const [removal] = await knex()('campaigns_suppression_removals').where({ suppression_document_id: added.documentId });
  expect(removal).toMatchObject({
    email: 'bounced@remove.test',
    email_hash: hashEmail('bounced@remove.test'),
    reason: 'hard-bounce',
    scope: 'global',
    note: 'the mailbox works again (ticket 42)',
    removed_by_id: admin.id,
    removed_by_name: 'Ada Admin',
  });
  expect(Number(removal.removed_at)).toBeGreaterThanOrEqual(before);
  expect(Number(removal.removed_at)).toBeLessThanOrEqual(Date.now());

  // Lifting the suppression is not a resubscribe.
  expect((await service('contacts').findByEmail('bounced@remove.test'))?.state).toBe('bounced');

  const listed = await api().get('/campaigns/suppressions/removals').set(auth());
  expect(listed.status).toBe(200);
  expect(listed.body.data[0]).toMatchObject({
    suppressionDocumentId: added.documentId,
    email: 'bounced@remove.test',
    reason: 'hard-bounce',
    note: 'the mailbox works again (ticket 42)',
    removedBy: { id: admin.id, name: 'Ada Admin' },
  });

  await waitUntil(() => emitted.mock.calls.some(([name]) => name === 'campaigns.suppression.delete'), 'the delete event');
  const [, payload] = emitted.mock.calls.find(([name]) => name === 'campaigns.suppression.delete')!;
  expect(payload).toEqual({
    suppressionDocumentId: added.documentId,
    reason: 'hard-bounce',
    scope: 'global',
    topic: null,
    expiresAt: null,
    origin: 'admin',
    removedBy: { id: admin.id, name: 'Ada Admin' },
    note: 'the mailbox works again (ticket 42)',
  });
});

test("an erasure leaves the removal log the address's hash only; its erased suppression cannot be removed", async () => {
  const contact = await service('contacts').create({ email: 'erased@remove.test' });
  const added = (await addOne({ email: 'erased@remove.test' })).body.data;
  expect((await remove(added.documentId, { note: 'asked by phone' })).status).toBe(200);
  await service('contacts').erase(contact.documentId, { by: { origin: 'admin', label: 'test' } });
  expect(await knex()('campaigns_suppression_removals').where({ suppression_document_id: added.documentId })).toEqual([
    expect.objectContaining({ email: null, email_hash: hashEmail('erased@remove.test'), note: 'asked by phone' }),
  ]);
  const erased = await strapi()
    .db.query(SUPPRESSION as 'plugin::campaigns.suppression')
    .findOne({ where: { emailHash: hashEmail('erased@remove.test'), reason: 'erased' } });
  const refused = await remove(erased.documentId, { note: 'let them back' });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toMatch(/erased contact's suppression cannot be removed/);
  expect(
    await strapi()
      .db.query(SUPPRESSION as 'plugin::campaigns.suppression')
      .count({ where: { id: erased.id } })
  ).toBe(1);
});

test('an unknown suppression is a 404, and removing one twice finds nothing the second time', async () => {
  const unknown = await remove('nosuchsuppression000000000', { note: 'why not' });
  expect(unknown.status).toBe(404);
  const added = (await addOne({ email: 'twice@remove.test' })).body.data;
  expect((await remove(added.documentId, { note: 'first' })).status).toBe(200);
  expect((await remove(added.documentId, { note: 'second' })).status).toBe(404);
  expect(await knex()('campaigns_suppression_removals').where({ suppression_document_id: added.documentId })).toHaveLength(1);
});
