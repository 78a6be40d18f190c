import { TABLES } from '../../../server/src/constants';
import { hashEmail } from '../../../server/src/validation/email';
import { adminWithActions, bearer } from '../../helpers/admin';
import { downloadCsv, importFile } from '../../helpers/imports';
import { useGroupApp } from '../../helpers/integration-group';
import { waitUntil } from '../../helpers/wait';

const CONTACT = 'plugin::campaigns.contact';
const SUPPRESSION = 'plugin::campaigns.suppression';
const ACTION = (name: string) => `plugin::campaigns.${name}`;

const { strapi, api, auth, token, service } = useGroupApp();
const knex = () => strapi().db.connection;
const documents = (uid: string) => strapi().documents(uid as typeof CONTACT);

const ANN = 'Ann.Erase@Example.com';
const ann = 'Ann.Erase@example.com'; // as stored: the domain lower-cased
const BOB = 'bob.stays@example.com';
const at = Date.UTC(2026, 10, 20, 9, 0, 0);

const erase = (documentId: string, confirm: string, headers = auth()) =>
  api().post(`/campaigns/contacts/${documentId}/erase`).set(headers).send({ data: { confirm } });

/** Every row of every table the plugin writes, as text: where an erased address must not be found. */
const everything = async () => {
  const contactMeta = strapi().db.metadata.get(CONTACT) as unknown as { attributes: { topics: { joinTable: { name: string } } } };
  const tables = [
    strapi().db.metadata.get(CONTACT).tableName,
    strapi().db.metadata.get(SUPPRESSION).tableName,
    contactMeta.attributes.topics.joinTable.name,
    ...Object.values(TABLES).filter((t) => !t.startsWith('campaigns_migrations')),
  ];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) dump[table] = await knex()(table).select('*');
  return JSON.stringify(dump).toLowerCase();
};

/**
 * A contact with everything the plugin can hold about it: fields, consent with an IP, a topic, a
 * suppression, deliveries (one sent with an SMTP error quoting the address, one still queued),
 * events (a bounce quoting it, a click with client details), an inbound notice with its raw mail
 * (shared with another recipient's notice), a reply. And a bystander with its own, untouched.
 */
const seed = async () => {
  const topic = await service('topics').create({ name: 'Erasure news' });
  const campaign = await service('campaigns').create({ name: 'Erasure campaign', subject: 'Hello' });
  const campaignRow = await knex()(strapi().db.metadata.get('plugin::campaigns.campaign').tableName)
    .select('id')
    .where('document_id', campaign.documentId)
    .first();
  const campaignId = Number(campaignRow.id);
  const contact = await service('contacts').create({
    email: ANN,
    firstName: 'Ann',
    lastName: 'Erase',
    attributes: { plan: 'pro', city: 'Lyon' },
    timezone: 'Europe/Paris',
    locale: 'fr-FR',
    topics: [topic.documentId],
    consent: { source: 'signup-form', ip: '203.0.113.7', text: 'Yes please' },
  });
  const bystander = await service('contacts').create({ email: BOB, firstName: 'Bob', topics: [topic.documentId] });
  const idOf = async (documentId: string) => Number((await documents(CONTACT).findOne({ documentId }))!.id);
  const annId = await idOf(contact.documentId);
  const bobId = await idOf(bystander.documentId);

  await documents(SUPPRESSION).create({ data: { email: ann, emailHash: hashEmail(ann), reason: 'manual', scope: 'global' } as never });
  await documents(SUPPRESSION).create({ data: { email: BOB, emailHash: hashEmail(BOB), reason: 'manual', scope: 'global' } as never });

  const delivery = (contactId: number, email: string, state: string, extra: Record<string, unknown> = {}) => ({
    campaign_id: campaignId,
    contact_id: contactId,
    email,
    state,
    queued_at: at,
    updated_at: at,
    ...extra,
  });
  await knex()(TABLES.deliveries).insert([
    delivery(annId, ann, 'sent', { sent_at: at, last_error: `451 try later for <${ann}>`, message_id: '<1@news.example.com>' }),
    delivery(bobId, BOB, 'sent', { sent_at: at, last_error: `451 try later for <${BOB}>` }),
  ]);
  // A second campaign's delivery that is still queued.
  const second = await service('campaigns').create({ name: 'Erasure campaign two', subject: 'Again' });
  const secondId = Number(
    (
      await knex()(strapi().db.metadata.get('plugin::campaigns.campaign').tableName)
        .select('id')
        .where('document_id', second.documentId)
        .first()
    ).id
  );
  await knex()(TABLES.deliveries).insert({ ...delivery(annId, ann, 'queued'), campaign_id: secondId });
  const deliveryOf = async (contactId: number, cId: number) =>
    Number((await knex()(TABLES.deliveries).select('id').where({ contact_id: contactId, campaign_id: cId }).first()).id);
  const annDelivery = await deliveryOf(annId, campaignId);
  const bobDelivery = await deliveryOf(bobId, campaignId);

  const event = (key: string, type: string, deliveryId: number, contactId: number, data: Record<string, unknown>) => ({
    idempotency_key: key,
    type,
    delivery_id: deliveryId,
    campaign_id: campaignId,
    contact_id: contactId,
    source: 'tracking',
    data: JSON.stringify(data),
    occurred_at: at,
    created_at: at,
  });
  await knex()(TABLES.events).insert([
    event('erase:bounce', 'bounce', annDelivery, annId, { kind: 'hard', code: 550, message: `550 <${ann}> unknown` }),
    event('erase:click', 'click', annDelivery, annId, { linkId: 3, client: 'browser', ip: '203.0.113.7', userAgent: 'Firefox' }),
    event('erase:bob', 'bounce', bobDelivery, bobId, { kind: 'hard', code: 550, message: `550 <${BOB}> unknown` }),
  ]);
  const [rawId] = (await knex()(TABLES.inboundRaw)
    .insert({ sha256: 'a'.repeat(64), body: `To: ${ann}, ${BOB}\r\n\r\nDelivery failed`, size: 40, created_at: at })
    .returning('id')) as Array<{ id: number } | number>;
  // MySQL answers the insert id, the others the returned row.
  const raw = typeof rawId === 'object' ? Number(rawId.id) : Number(rawId);
  const notice = (key: string, email: string, deliveryId: number, contactId: number) => ({
    idempotency_key: key,
    source: 'raw',
    origin: 'raw',
    kind: 'bounce',
    bounce_type: 'hard',
    diagnostic: `550 ${email} unknown`,
    email,
    delivery_id: deliveryId,
    campaign_id: campaignId,
    contact_id: contactId,
    action: 'suppressed',
    raw_id: raw,
    occurred_at: at,
    created_at: at,
  });
  await knex()(TABLES.inboundNotices).insert([
    notice(`raw|5:<dsn>|${ann}`, ann, annDelivery, annId),
    notice(`raw|5:<dsn>|${BOB}`, BOB, bobDelivery, bobId),
  ]);
  await knex()(TABLES.replies).insert({
    notice_id: 1,
    delivery_id: annDelivery,
    campaign_id: campaignId,
    contact_id: annId,
    from_address: ann,
    from_name: 'Ann',
    subject: 'Re: Hello, from Ann',
    snippet: 'Call me on 555-0100',
    body_text: 'Call me on 555-0100',
    quoted_text: `> Hello ${ann}`,
    signature_text: 'Ann, 555-0100',
    matched_by: 'message-id',
    raw_id: raw,
    class: 'human',
    received_at: at,
    created_at: at,
  });
  return { contact, bystander, annId, bobId, campaignId, secondId, annDelivery, bobDelivery, raw, topic };
};

describe('erasing a contact', () => {
  let seeded: Awaited<ReturnType<typeof seed>>;
  let bobBefore: string;
  let response: { status: number; body: { data: Record<string, unknown> } };
  let emitted: jest.SpyInstance;

  beforeAll(async () => {
    seeded = await seed();
    const bobRows = async () =>
      JSON.stringify({
        deliveries: await knex()(TABLES.deliveries).where('contact_id', seeded.bobId).orderBy('id'),
        events: await knex()(TABLES.events).where('contact_id', seeded.bobId).orderBy('id'),
        contact: await documents(CONTACT).findOne({ documentId: seeded.bystander.documentId, populate: ['topics'] } as never),
      });
    bobBefore = await bobRows();
    emitted = jest.spyOn(strapi().eventHub, 'emit');
    // The editor types the address as shown, in any case.
    response = await erase(seeded.contact.documentId, ANN.toUpperCase());
    expect(await bobRows()).toBe(bobBefore);
  });

  test('answers what it changed, and leaves the address nowhere in the plugin tables', async () => {
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      documentId: seeded.contact.documentId,
      counts: { deliveries: 2, deliveriesSuppressed: 1, events: 2, notices: 1, rawMessages: 1, replies: 1, suppressions: 1 },
    });
    const dump = await everything();
    expect(dump).not.toContain('ann.erase');
    expect(dump).not.toContain('203.0.113.7');
    expect(dump).not.toContain('555-0100');
    expect(dump).toContain(BOB);
  });

  test('the contact and its topic link are gone; the topic and the bystander stay', async () => {
    expect(await documents(CONTACT).findOne({ documentId: seeded.contact.documentId })).toBeNull();
    const join = (
      strapi().db.metadata.get(CONTACT) as unknown as {
        attributes: { topics: { joinTable: { name: string; joinColumn: { name: string } } } };
      }
    ).attributes.topics.joinTable;
    expect(await knex()(join.name).where(join.joinColumn.name, seeded.annId)).toEqual([]);
    expect(await knex()(join.name).where(join.joinColumn.name, seeded.bobId)).toHaveLength(1);
    expect((await api().get(`/campaigns/contacts/${seeded.contact.documentId}`).set(auth())).status).toBe(404);
  });

  test('deliveries stay with their state and campaign, without the address; the queued one is suppressed', async () => {
    const rows = await knex()(TABLES.deliveries)
      .select('campaign_id', 'state', 'email', 'last_error', 'message_id')
      .where('contact_id', seeded.annId)
      .orderBy('id');
    expect(rows).toEqual([
      { campaign_id: seeded.campaignId, state: 'sent', email: '', last_error: null, message_id: '<1@news.example.com>' },
      { campaign_id: seeded.secondId, state: 'suppressed', email: '', last_error: null, message_id: null },
    ]);
    // Per campaign, every delivery is still counted once by its state.
    const counts: Array<{ state: string; n: number | string }> = await knex()(TABLES.deliveries)
      .select('state')
      .count({ n: '*' })
      .where('campaign_id', seeded.campaignId)
      .groupBy('state');
    expect(counts.map((r) => [r.state, Number(r.n)])).toEqual([['sent', 2]]);
  });

  test('events keep what describes them, notices lose address, diagnostic and raw mail, the reply its sender and text', async () => {
    const events = await knex()(TABLES.events).select('idempotency_key', 'data').where('contact_id', seeded.annId).orderBy('id');
    expect(events.map((e) => [e.idempotency_key, JSON.parse(e.data)])).toEqual([
      ['erase:bounce', { kind: 'hard', code: 550 }],
      ['erase:click', { linkId: 3, client: 'browser' }],
    ]);
    const notices = await knex()(TABLES.inboundNotices).select('email', 'diagnostic', 'raw_id', 'contact_id', 'kind').orderBy('id');
    expect(notices).toEqual([
      { email: null, diagnostic: null, raw_id: null, contact_id: seeded.annId, kind: 'bounce' },
      // The bystander's notice keeps its data but not the raw mail, which named both addresses.
      { email: BOB, diagnostic: `550 ${BOB} unknown`, raw_id: null, contact_id: seeded.bobId, kind: 'bounce' },
    ]);
    expect(await knex()(TABLES.inboundRaw).where('id', seeded.raw)).toEqual([]);
    expect(
      await knex()(TABLES.replies)
        .select(
          'from_address',
          'from_name',
          'subject',
          'snippet',
          'body_text',
          'quoted_text',
          'signature_text',
          'raw_id',
          'class',
          'delivery_id'
        )
        .where('contact_id', seeded.annId)
    ).toEqual([
      {
        from_address: '',
        from_name: null,
        subject: '',
        snippet: '',
        body_text: '',
        quoted_text: '',
        signature_text: '',
        raw_id: null,
        class: 'human',
        delivery_id: seeded.annDelivery,
      },
    ]);
  });

  test("the address's suppressions keep its hash only, and an erased one is added; the log records who and what", async () => {
    const rows = await strapi()
      .db.query(SUPPRESSION as typeof CONTACT)
      .findMany({ where: { emailHash: hashEmail(ann) }, orderBy: { id: 'asc' } });
    expect(rows.map((r: Record<string, unknown>) => [r.reason, r.email, r.scope])).toEqual([
      ['manual', null, 'global'],
      ['erased', null, 'global'],
    ]);
    const log = await knex()(TABLES.erasures).select('*');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      email_hash: hashEmail(ann),
      contact_document_id: seeded.contact.documentId,
      erased_by: expect.stringMatching(/^admin \d+$/),
    });
    expect(JSON.parse(log[0].counts)).toEqual(response.body.data.counts);
  });

  test('campaigns.contact.erase is announced with ids only', async () => {
    await waitUntil(() => emitted.mock.calls.some(([name]) => name === 'campaigns.contact.erase'), 'the erase event');
    const payloads = emitted.mock.calls.filter(([name]) => name === 'campaigns.contact.erase').map(([, payload]) => payload);
    expect(payloads).toEqual([{ contactId: seeded.annId, contactDocumentId: seeded.contact.documentId, origin: 'admin' }]);
  });

  test('erasing it again is a 404 and changes nothing', async () => {
    const before = await everything();
    const again = await erase(seeded.contact.documentId, 'ERASE');
    expect(again.status).toBe(404);
    await expect(service('contacts').erase(seeded.contact.documentId, { by: { origin: 'api', label: 'test' } })).rejects.toThrow(
      /No contact/
    );
    expect(await everything()).toBe(before);
  });

  test('the address cannot come back through the contacts API, as a new contact or an edit', async () => {
    const created = await api()
      .post('/campaigns/contacts')
      .set(auth())
      .send({ data: { email: ann.toLowerCase() } });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toMatch(/email: this address was erased .* may not be added again/);
    const edited = await api()
      .put(`/campaigns/contacts/${seeded.bystander.documentId}`)
      .set(auth())
      .send({ data: { email: ANN } });
    expect(edited.status).toBe(400);
    expect((await documents(CONTACT).findOne({ documentId: seeded.bystander.documentId }))!.email).toBe(BOB);
  });

  test('an import of the erased address skips the row and reports it; the other rows are imported', async () => {
    const result = await importFile(strapi(), token(), `email,firstName\n${ANN.toUpperCase()},Again\nnew.person@example.com,New\n`, {
      mapping: { email: 'email', firstName: 'firstName' },
      consent: { source: 'Signup form 2026', text: 'Yes, send me the newsletter' },
    });
    expect(result.state).toBe('done');
    expect(result.counters).toMatchObject({ rowsRead: 2, created: 1, rejected: 1 });
    const { rows } = await downloadCsv(strapi(), token(), `/campaigns/imports/${result.id}/report`);
    expect(rows[1].slice(0, 3)).toEqual(['2', 'ANN.ERASE@example.com', expect.stringMatching(/erased/)]);
    const found = await strapi()
      .db.query(CONTACT)
      .findMany({ where: { emailHash: hashEmail(ann) } });
    expect(found).toEqual([]);
  });
});

describe('an erasure that cannot run', () => {
  test('an unknown documentId is a 404', async () => {
    const res = await erase('zzzzzzzzzzzzzzzzzzzzzzzz', 'ERASE');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/No contact with documentId "zzzzzzzzzzzzzzzzzzzzzzzz"/);
  });

  test('a confirmation that is missing or names another address is a 400, and the contact stays', async () => {
    const contact = await service('contacts').create({ email: 'confirm@example.com' });
    for (const body of [
      {},
      { data: {} },
      { data: { confirm: '' } },
      { data: { confirm: 'other@example.com' } },
      { data: { confirm: 'erase' } },
    ]) {
      const res = await api().post(`/campaigns/contacts/${contact.documentId}/erase`).set(auth()).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/confirm/);
    }
    expect(await documents(CONTACT).findOne({ documentId: contact.documentId })).not.toBeNull();
    expect(
      await strapi()
        .db.query(SUPPRESSION as typeof CONTACT)
        .count({ where: { emailHash: hashEmail('confirm@example.com') } })
    ).toBe(0);
  });

  test('an admin without the delete permission gets a 403 and nothing is erased', async () => {
    const contact = await service('contacts').create({ email: 'guarded@example.com' });
    const editor = await adminWithActions(strapi(), 'no-delete@example.com', [ACTION('read'), ACTION('write')]);
    const res = await erase(contact.documentId, 'ERASE', bearer(editor));
    expect(res.status).toBe(403);
    expect(await documents(CONTACT).findOne({ documentId: contact.documentId })).not.toBeNull();
    expect(
      await strapi()
        .db.query(SUPPRESSION as typeof CONTACT)
        .count({ where: { emailHash: hashEmail('guarded@example.com') } })
    ).toBe(0);
  });
});
