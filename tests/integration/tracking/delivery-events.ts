import type { DeliveryEvent, EventDelivery, RecordedEvent } from '../../../server/src/events/delivery-event';
import { useGroupApp } from '../../helpers/integration-group';
import { rootOf } from '../../../server/src/composition/accessor';
import { waitUntil } from '../../helpers/wait';

/**
 * The one write path of delivery events (events/recorder.ts) and of contact state (contact-signals/),
 * on each database: the SQL differs per dialect (ON CONFLICT / INSERT IGNORE, RETURNING, the
 * guarded suppression insert), the guarantees must not.
 */
const { strapi, service } = useGroupApp();

const knex = () => strapi().db.connection;
const events = () => service('deliveryEvents');
const CAMPAIGN_ID = 4242;
const at = Date.now() - 3_600_000;
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

/** A contact and a sent delivery of it, as the send pipeline leaves them. */
const deliveryFor = async (email: string): Promise<EventDelivery & { email: string }> => {
  const contact = await service('contacts').create({ email });
  const { id: contactId } = await strapi()
    .db.query('plugin::campaigns.contact')
    .findOne({ where: { documentId: contact.documentId }, select: ['id'] });
  await knex()('campaigns_deliveries').insert({
    campaign_id: CAMPAIGN_ID,
    contact_id: contactId,
    email,
    state: 'sent',
    attempts: 1,
    sent_at: at,
    updated_at: at,
  });
  const { id } = await knex()('campaigns_deliveries').select('id').where({ campaign_id: CAMPAIGN_ID, contact_id: contactId }).first();
  return { id: Number(id), campaignId: CAMPAIGN_ID, contactId: Number(contactId), email };
};

const open = (delivery: EventDelivery, when = at): DeliveryEvent => ({
  type: 'open',
  source: 'tracking',
  delivery,
  at: when,
  isBot: false,
  client: 'browser',
});

/** What the events queue's reactor emitted on the event hub, by type. */
const heard: Record<string, RecordedEvent[]> = {};
beforeAll(() => {
  for (const type of ['open', 'click', 'unsubscribe', 'bounce', 'complaint', 'reply']) {
    heard[type] = [];
    strapi().eventHub.on(`campaigns.event.${type}`, async (event: RecordedEvent) => {
      heard[type].push(event);
    });
  }
});

const contactState = async (contactId: number) =>
  (await knex()('campaigns_contacts').select('state').where({ id: contactId }).first()).state;

test('concurrent duplicates insert once, and the events queue hands on exactly the new events', async () => {
  const twice = await deliveryFor('twice@events.test');
  const others = await Promise.all([1, 2, 3, 4].map((i) => deliveryFor(`other${i}@events.test`)));
  const results = await Promise.all([
    ...Array.from({ length: 20 }, () => events().record(open(twice))),
    ...others.map((d) => events().record(open(d))),
  ]);
  const recorded = results.filter((r): r is RecordedEvent => r !== null);
  expect(recorded.map((r) => r.deliveryId).sort()).toEqual([twice, ...others].map((d) => d.id).sort());
  const rows = await knex()('campaigns_events').where({ campaign_id: CAMPAIGN_ID, type: 'open' }).select('id', 'delivery_id');
  expect(rows.map((r) => Number(r.delivery_id)).sort()).toEqual([twice, ...others].map((d) => d.id).sort());

  // Recorded again later: nothing written, nothing queued.
  expect(await Promise.all([twice, ...others].map((d) => events().record(open(d))))).toEqual([null, null, null, null, null]);
  expect(Number((await knex()('campaigns_events').where({ campaign_id: CAMPAIGN_ID, type: 'open' }).count({ n: '*' }).first())!.n)).toBe(5);

  // A last event, queued after the repeats would have been: once it is heard, so would they.
  const sentinel = await events().record({ type: 'unsubscribe', source: 'tracking', delivery: twice, at });
  await waitUntil(() => heard.unsubscribe.some((e) => e.id === sentinel!.id), 'the sentinel unsubscribe on the event hub');
  await waitUntil(() => heard.open.length >= 5, 'five opens on the event hub');
  expect(heard.open.map((e) => e.id).sort((a, b) => a - b)).toEqual(recorded.map((r) => r.id).sort((a, b) => a - b));
  expect(heard.open.find((e) => e.deliveryId === twice.id)).toEqual({
    id: expect.any(Number),
    type: 'open',
    deliveryId: twice.id,
    campaignId: CAMPAIGN_ID,
    contactId: twice.contactId,
    at,
  });
});

test('a batch of mixed events lands whole, with the first open, click and reply times', async () => {
  const d = await deliveryFor('mixed@events.test');
  const batch: DeliveryEvent[] = [
    open(d),
    { type: 'click', source: 'tracking', delivery: d, at: at + 1, isBot: false, client: 'browser', linkId: 7 },
    { type: 'click', source: 'tracking', delivery: d, at: at + 2, isBot: true, client: 'bot', linkId: 7 },
    { type: 'bounce', source: 'smtp', delivery: d, at, reference: `${d.id}:1`, kind: 'soft-limit', code: 452, message: '4.2.2 full' },
    { type: 'complaint', source: 'mailbox', delivery: d, at, reference: '<arf-1@isp.test>' },
    { type: 'reply', source: 'mailbox', delivery: d, at: at + 3, messageId: `<reply-${d.id}@reader.test>` },
  ];
  const results = await Promise.all(batch.map((e) => events().record(e)));
  expect(results.map((r) => r?.type)).toEqual(['open', 'click', 'click', 'bounce', 'complaint', 'reply']);
  const rows = await knex()('campaigns_events')
    .where({ delivery_id: d.id })
    .orderBy('id')
    .select('type', 'is_bot', 'source', 'data', 'idempotency_key');
  expect(rows.map((r) => [r.type, Boolean(r.is_bot), r.source, JSON.parse(r.data)])).toEqual([
    ['open', false, 'tracking', { client: 'browser' }],
    ['click', false, 'tracking', { linkId: 7, client: 'browser' }],
    ['click', true, 'tracking', { linkId: 7, client: 'bot' }],
    ['bounce', false, 'smtp', { kind: 'soft-limit', code: 452, message: '4.2.2 full' }],
    ['complaint', false, 'mailbox', { reference: '<arf-1@isp.test>' }],
    ['reply', false, 'mailbox', { messageId: `<reply-${d.id}@reader.test>` }],
  ]);
  expect(rows[3].idempotency_key).toBe(`smtp-bounce:${d.id}:1`);
  const delivery = await knex()('campaigns_deliveries').where({ id: d.id }).first();
  expect([delivery.first_open_at, delivery.first_click_at, delivery.first_reply_at].map(Number)).toEqual([at, at + 1, at + 3]);
});

test('a click written batches after its open is a reader’s, and the one completing every link within seconds a scanner’s', async () => {
  const d = await deliveryFor('history@events.test');
  const [first, second] = await Promise.all(
    ['https://history.test/1', 'https://history.test/2'].map(async (url, position) => {
      await knex()('campaigns_links').insert({ campaign_id: CAMPAIGN_ID, variant: '', url_hash: url, url, position, created_at: at });
      return Number((await knex()('campaigns_links').select('id').where({ campaign_id: CAMPAIGN_ID, url }).first()).id);
    })
  );
  const tracking = rootOf(strapi()).running.tracking;
  const client = { userAgent: SAFARI, ip: undefined };
  const now = Date.now();
  // Each in a batch of its own: what the verdicts know of the earlier ones comes from the database.
  tracking.add({ type: 'open', deliveryId: d.id, at: now, client });
  await tracking.flush();
  tracking.add({ type: 'click', deliveryId: d.id, linkId: first, at: now + 1_000, client });
  await tracking.flush();
  tracking.add({ type: 'click', deliveryId: d.id, linkId: second, at: now + 2_000, client });
  await tracking.flush();
  const clicks = await knex()('campaigns_events').where({ delivery_id: d.id, type: 'click' }).orderBy('id');
  expect(clicks.map((row) => (JSON.parse(row.data) as { verdict: string }).verdict)).toEqual(['human', 'all-links']);
  // The reader's click and the scanner's each set their own first time, the open its own.
  const firsts = await knex()('campaigns_deliveries')
    .where({ id: d.id })
    .first('first_open_at', 'first_click_at', 'first_machine_click_at');
  expect([firsts.first_open_at, firsts.first_click_at, firsts.first_machine_click_at].map(Number)).toEqual([now, now + 1_000, now + 2_000]);
});

describe('contact signals', () => {
  const suppressionsOf = (email: string) =>
    strapi()
      .db.query('plugin::campaigns.suppression')
      .findMany({ where: { email }, select: ['reason', 'sourceEvent'] });

  test.each([
    [['unsubscribe', 'bounce'], 'bounced'],
    [['bounce', 'unsubscribe'], 'bounced'],
    [['complaint', 'bounce', 'unsubscribe'], 'complained'],
    [['resubscribe', 'complaint'], 'complained'],
  ] as const)('signals %j racing leave the contact %s', async (types, expected) => {
    const d = await deliveryFor(`race-${types.join('-')}@events.test`);
    await knex()('campaigns_contacts').where({ id: d.contactId }).update({ state: 'unsubscribed' });
    await Promise.all(
      types.map((type) =>
        events().signal({
          type,
          contactIds: [d.contactId],
          address: { email: d.email, sourceEvent: `${type}:${d.id}` },
          consent: { source: 'test', at: new Date(at).toISOString() },
        })
      )
    );
    expect(await contactState(d.contactId)).toBe(expected);
  });

  test('many signals for many addresses at once all land: one suppression per address, each contact in the strongest state', async () => {
    // On MariaDB the guarded inserts deadlock on the table's AUTO-INC lock at this rate: the victims run again.
    const deliveries = await Promise.all(Array.from({ length: 16 }, (_, i) => deliveryFor(`crowd-${i}@events.test`)));
    await Promise.all(
      deliveries.flatMap((d) =>
        (['unsubscribe', 'complaint', 'bounce'] as const).map((type) =>
          events().signal({ type, contactIds: [d.contactId], address: { email: d.email, sourceEvent: `${type}:${d.id}` } })
        )
      )
    );
    for (const d of deliveries) {
      expect(await contactState(d.contactId)).toBe('complained');
      expect(await suppressionsOf(d.email)).toHaveLength(1);
    }
  });

  test('a repeated signal changes nothing and keeps the first suppression; an unforced resubscribe never revives a bounced contact', async () => {
    const d = await deliveryFor('repeat@events.test');
    const signal = { type: 'bounce' as const, contactIds: [d.contactId], address: { email: d.email, sourceEvent: `smtp-bounce:${d.id}` } };
    expect(await events().signal(signal)).toBe(1);
    expect(await events().signal(signal)).toBe(0);
    expect(
      await events().signal({
        type: 'unsubscribe',
        contactIds: [d.contactId],
        address: { email: d.email, sourceEvent: `unsubscribe:${d.id}` },
      })
    ).toBe(0);
    expect(await suppressionsOf(d.email)).toEqual([{ reason: 'hard-bounce', sourceEvent: `smtp-bounce:${d.id}` }]);
    expect(await events().signal({ type: 'resubscribe', contactIds: [d.contactId] })).toBe(0);
    expect(await contactState(d.contactId)).toBe('bounced');
    const consent = { source: 'phone', at: new Date().toISOString(), ip: null, text: 'yes' };
    expect(await events().signal({ type: 'resubscribe', contactIds: [d.contactId], force: true, consent })).toBe(1);
    const contact = await strapi()
      .db.query('plugin::campaigns.contact')
      .findOne({ where: { id: d.contactId } });
    expect(contact).toMatchObject({ state: 'subscribed', consent });
  });
});
