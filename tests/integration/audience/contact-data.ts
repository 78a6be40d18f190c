import { TABLES } from '../../../server/src/constants';
import { hashEmail } from '../../../server/src/validation/email';
import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';

const CONTACT = 'plugin::campaigns.contact';
const SUPPRESSION = 'plugin::campaigns.suppression';
const CAMPAIGN = 'plugin::campaigns.campaign';

const { strapi, api, auth, service } = useGroupApp();
const knex = () => strapi().db.connection;
const at = Date.UTC(2026, 10, 21, 8, 30, 0);

const idOf = async (uid: string, documentId: string) =>
  Number((await knex()(strapi().db.metadata.get(uid).tableName).select('id').where('document_id', documentId).first()).id);

test("GET /contacts/:documentId/data downloads everything held about the contact, and nobody else's", async () => {
  const topic = await service('topics').create({ name: 'Data news' });
  const contact = await service('contacts').create({
    email: 'carla.data@example.com',
    firstName: 'Carla',
    attributes: { plan: 'pro' },
    topics: [topic.documentId],
    consent: { source: 'fair stand', ip: '198.51.100.4', text: 'Send me news' },
  });
  const other = await service('contacts').create({ email: 'dan.other@example.com' });
  const campaign = await service('campaigns').create({ name: 'Data campaign', subject: 'Data subject' });
  const [contactId, otherId, campaignId] = [
    await idOf(CONTACT, contact.documentId),
    await idOf(CONTACT, other.documentId),
    await idOf(CAMPAIGN, campaign.documentId),
  ];
  await strapi()
    .documents(SUPPRESSION as typeof CONTACT)
    .create({
      data: {
        email: 'carla.data@example.com',
        emailHash: hashEmail('carla.data@example.com'),
        reason: 'complaint',
        scope: 'global',
      } as never,
    });
  await knex()(TABLES.deliveries).insert([
    {
      campaign_id: campaignId,
      contact_id: contactId,
      email: 'carla.data@example.com',
      state: 'sent',
      queued_at: at,
      sent_at: at,
      first_open_at: at,
      updated_at: at,
    },
    {
      campaign_id: campaignId,
      contact_id: otherId,
      email: 'dan.other@example.com',
      state: 'sent',
      queued_at: at,
      sent_at: at,
      updated_at: at,
    },
  ]);
  const deliveryId = Number((await knex()(TABLES.deliveries).select('id').where('contact_id', contactId).first()).id);
  await knex()(TABLES.events).insert([
    {
      idempotency_key: 'data:open',
      type: 'open',
      delivery_id: deliveryId,
      campaign_id: campaignId,
      contact_id: contactId,
      source: 'tracking',
      data: '{"client":"browser"}',
      occurred_at: at,
      created_at: at,
    },
    {
      idempotency_key: 'data:other',
      type: 'open',
      delivery_id: deliveryId + 1,
      campaign_id: campaignId,
      contact_id: otherId,
      source: 'tracking',
      data: null,
      occurred_at: at,
      created_at: at,
    },
  ]);
  await knex()(TABLES.replies).insert({
    notice_id: 1,
    delivery_id: deliveryId,
    campaign_id: campaignId,
    contact_id: contactId,
    class: 'human',
    from_address: 'carla.data@example.com',
    from_name: 'Carla',
    subject: 'Re: Data subject',
    snippet: 'Thanks!',
    body_text: 'Thanks!\nSee you Friday.',
    quoted_text: '> Data subject',
    signature_text: 'Carla',
    matched_by: 'message-id',
    received_at: at,
    created_at: at,
  });

  const res = await api().get(`/campaigns/contacts/${contact.documentId}/data`).set(auth());
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['content-disposition']).toBe(`attachment; filename="contact-${contact.documentId}.json"`);
  const data = res.body;
  expect(data.contact).toMatchObject({
    documentId: contact.documentId,
    email: 'carla.data@example.com',
    firstName: 'Carla',
    attributes: { plan: 'pro' },
    consent: { source: 'fair stand', ip: '198.51.100.4', text: 'Send me news' },
    topics: [{ documentId: topic.documentId, name: 'Data news' }],
  });
  expect(data.suppressions).toEqual([expect.objectContaining({ reason: 'complaint', scope: 'global', topic: null })]);
  expect(data.deliveries).toEqual([
    expect.objectContaining({
      id: deliveryId,
      campaign: { documentId: campaign.documentId, name: 'Data campaign', subject: 'Data subject' },
      state: 'sent',
      email: 'carla.data@example.com',
      sentAt: new Date(at).toISOString(),
      firstOpenAt: new Date(at).toISOString(),
    }),
  ]);
  expect(data.events).toEqual([
    expect.objectContaining({ type: 'open', deliveryId, data: { client: 'browser' }, occurredAt: new Date(at).toISOString() }),
  ]);
  expect(data.replies).toEqual([
    expect.objectContaining({
      deliveryId,
      class: 'human',
      from: 'carla.data@example.com',
      fromName: 'Carla',
      subject: 'Re: Data subject',
      snippet: 'Thanks!',
      text: 'Thanks!\nSee you Friday.',
      quoted: '> Data subject',
      signature: 'Carla',
      returnDate: null,
      matchedBy: 'message-id',
      matchNote: null,
      receivedAt: new Date(at).toISOString(),
      handledAt: null,
    }),
  ]);
  expect(data.inboundNotices).toEqual([]);
  expect(JSON.stringify(data)).not.toContain('dan.other');

  // The service answers the same for code.
  const fromService = await service('contacts').exportData(contact.documentId);
  expect({ ...fromService, exportedAt: null }).toEqual({ ...data, exportedAt: null });
});

test('an unknown contact is a 404; an admin without the read permission gets a 403', async () => {
  const unknown = await api().get('/campaigns/contacts/zzzzzzzzzzzzzzzzzzzzzzzz/data').set(auth());
  expect(unknown.status).toBe(404);
  const contact = await service('contacts').create({ email: 'eve.private@example.com' });
  const writer = await adminWithActions(strapi(), 'data-no-read@example.com', ['plugin::campaigns.write']);
  const denied = await api().get(`/campaigns/contacts/${contact.documentId}/data`).set(bearer(writer));
  expect(denied.status).toBe(403);
  expect(JSON.stringify(denied.body)).not.toContain('eve.private');
});
