import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';
import { insertReply } from '../../helpers/replies';
import { insertSentCampaign } from '../../helpers/sent-fixture';

const { strapi, api, auth, service } = useGroupApp();

const knex = () => strapi().db.connection;
const READ = 'plugin::campaigns.read';
const HANDLE = 'plugin::campaigns.replies.handle';
const HOUR = 3_600_000;

/** A reply whose body looks like markup: the API hands it back as the text it is. */
const HOSTILE_TEXT = '<b>Yes</b> please <script>alert("pwned")</script>\nsecond line';
const RAW = `From: Ann Archer <ann@x.test>\nSubject: Re: the letter\nContent-Type: text/html\n\n<p>${HOSTILE_TEXT}</p>\n`;

/**
 * Two sent campaigns and their replies as the recorder leaves them: Ann answered the first (a
 * person, with its raw mail), Bob is away (an auto-reply with a return date), Cat asked to be
 * removed from the second, and Dan's reply was matched by his address only.
 */
const seed = async (domain: string) => {
  const at = (name: string) => `${name}@${domain}`;
  const sentAt = Date.now() - 48 * HOUR;
  const letter = await insertSentCampaign(strapi(), `Autumn letter ${domain}`, [at('ann'), at('bob')], {
    sentAt,
    messageDomain: domain,
  });
  const spring = await insertSentCampaign(strapi(), `Spring letter ${domain}`, [at('cat'), at('dan')], {
    sentAt,
    messageDomain: domain,
  });
  const ann = await insertReply(strapi(), at('ann'), {
    class: 'human',
    fromName: 'Ann Archer',
    text: HOSTILE_TEXT,
    quoted: '> Hello Ann,\n> our autumn blend is here.',
    signature: '--\nAnn',
    raw: RAW,
    receivedAt: sentAt + 1 * HOUR,
  });
  const bob = await insertReply(strapi(), at('bob'), {
    class: 'auto-reply',
    autoReplyKind: 'out-of-office',
    subject: 'Out of office: the letter',
    text: 'I am away until 14 January.',
    returnDate: '2027-01-14',
    receivedAt: sentAt + 2 * HOUR,
  });
  const cat = await insertReply(strapi(), at('cat'), {
    class: 'unsubscribe-request',
    subject: 'Stop',
    text: 'Please remove me (100% sure)',
    receivedAt: sentAt + 3 * HOUR,
  });
  const dan = await insertReply(strapi(), at('dan'), {
    class: 'human',
    from: 'dan.home@elsewhere.test',
    subject: 'Your shop',
    text: 'Open on Sunday?',
    matchedBy: 'sender',
    matchNote: 'other-address',
    receivedAt: sentAt + 4 * HOUR,
  });
  return { at, letter, spring, ann, bob, cat, dan };
};

const list = (query: Record<string, string> = {}, as = auth()) => api().get('/campaigns/replies').query(query).set(as);
const ids = async (query: Record<string, string>) => {
  const res = await list(query);
  expect(res.status).toBe(200);
  return res.body.data.map((r: { id: number }) => r.id);
};
const handle = (id: number, data: unknown, as = auth()) => api().post(`/campaigns/replies/${id}/handled`).set(as).send({ data });

test('lists replies newest first with their campaign and contact, filtered by class, campaign, contact, handled and search', async () => {
  const { letter, spring, ann, bob, cat, dan } = await seed('list.test');
  const annContact = (await service('contacts').findByEmail('ann@list.test'))!;
  const danContact = (await service('contacts').findByEmail('dan@list.test'))!;

  const all = await list();
  expect(all.status).toBe(200);
  expect(all.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 4 });
  expect(all.body.data.map((r: { id: number }) => r.id)).toEqual([dan.id, cat.id, bob.id, ann.id]);
  expect(all.body.data[3]).toEqual({
    id: ann.id,
    class: 'human',
    autoReplyKind: null,
    from: { email: 'ann@list.test', name: 'Ann Archer' },
    subject: 'Re: the letter',
    snippet: '<b>Yes</b> please <script>alert("pwned")</script>',
    receivedAt: expect.any(String),
    returnDate: null,
    matchedBy: 'message-id',
    matchNote: null,
    campaign: { documentId: letter.documentId, name: 'Autumn letter list.test' },
    contact: { documentId: annContact.documentId, email: 'ann@list.test', name: null },
    handled: null,
  });
  expect(all.body.data[0]).toMatchObject({
    from: { email: 'dan.home@elsewhere.test', name: null },
    matchedBy: 'sender',
    matchNote: 'other-address',
    contact: { documentId: danContact.documentId, email: 'dan@list.test' },
  });
  expect(all.body.data[2]).toMatchObject({ class: 'auto-reply', autoReplyKind: 'out-of-office', returnDate: '2027-01-14' });
  // The list carries no texts: the reader asks for them.
  expect(all.body.data[3].text).toBeUndefined();

  expect(await ids({ class: 'human' })).toEqual([dan.id, ann.id]);
  expect(await ids({ class: 'auto-reply' })).toEqual([bob.id]);
  expect(await ids({ campaign: spring.documentId })).toEqual([dan.id, cat.id]);
  expect(await ids({ campaign: letter.documentId, class: 'human' })).toEqual([ann.id]);
  expect(await ids({ contact: danContact.documentId })).toEqual([dan.id]);
  expect(await ids({ search: 'ELSEWHERE' })).toEqual([dan.id]);
  expect(await ids({ search: 'out of office' })).toEqual([bob.id]);
  // LIKE's wildcards are the text's own characters ("100%" is in Cat's text, not in any address or subject).
  expect(await ids({ search: '%' })).toEqual([]);
  expect(await ids({ page: '2', pageSize: '3' })).toEqual([ann.id]);
  expect(await ids({ handled: 'yes' })).toEqual([]);
  expect(await ids({ handled: 'no' })).toEqual([dan.id, cat.id, bob.id, ann.id]);
});

test('bad filters are 400s that name what to fix', async () => {
  await seed('bad.test');
  const badClass = await list({ class: 'spam', handled: 'maybe' });
  expect(badClass.status).toBe(400);
  expect(badClass.body.error.message).toMatch(/^Invalid query: class: .*human.*; handled: /);
  const unknownCampaign = await list({ campaign: 'abcdefghijklmnopqrstuvwx' });
  expect(unknownCampaign.status).toBe(400);
  expect(unknownCampaign.body.error.message).toBe('Invalid query: campaign: unknown campaign "abcdefghijklmnopqrstuvwx"');
  const unknownContact = await list({ contact: 'abcdefghijklmnopqrstuvwx' });
  expect(unknownContact.body.error.message).toBe('Invalid query: contact: unknown contact "abcdefghijklmnopqrstuvwx"');
  expect((await list({ campaign: 'not/an-id' })).status).toBe(400);
  const unknownField = await list({ sort: 'id' });
  expect(unknownField.status).toBe(400);
  expect(unknownField.body.error.message).toBe('Invalid query: sort: unknown field');
  expect((await list({ pageSize: '500' })).status).toBe(400);
});

test('one reply shows its text, quote, signature and raw mail as the text they are', async () => {
  const { ann, bob } = await seed('detail.test');
  const res = await api().get(`/campaigns/replies/${ann.id}`).set(auth());
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({
    id: ann.id,
    class: 'human',
    text: HOSTILE_TEXT,
    quoted: '> Hello Ann,\n> our autumn blend is here.',
    signature: '--\nAnn',
    raw: { text: RAW, size: Buffer.byteLength(RAW), truncated: false },
  });
  const away = await api().get(`/campaigns/replies/${bob.id}`).set(auth());
  expect(away.body.data).toMatchObject({ returnDate: '2027-01-14', quoted: '', signature: '', raw: null });

  const missing = await api().get('/campaigns/replies/999999').set(auth());
  expect(missing.status).toBe(404);
  expect(missing.body.error.message).toBe('No reply with id 999999');
  // Not a row id: no route answers it.
  expect((await api().get('/campaigns/replies/abc').set(auth())).status).toBe(404);
});

test('marking handled records who and when, takes it off the open list, keeps the first name, and reopening clears it', async () => {
  const { letter, ann, bob } = await seed('handled.test');
  const res = await handle(ann.id, { handled: true });
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ id: ann.id, handled: { at: expect.any(String), by: 'Ada Admin <ada@example.com>' } });
  const row = await knex()('campaigns_replies').where({ id: ann.id }).first();
  expect(Number(row.handled_at)).toBe(Date.parse(res.body.data.handled.at));
  expect(row.handled_by).toBe('Ada Admin <ada@example.com>');
  expect(await ids({ handled: 'no' })).not.toContain(ann.id);
  expect(await ids({ handled: 'yes', campaign: letter.documentId })).toEqual([ann.id]);

  // A second admin marking it too changes nothing: the first one handled it.
  const other = bearer(await adminWithActions(strapi(), 'handler@replies.test', [READ, HANDLE]));
  const again = await handle(ann.id, { handled: true }, other);
  expect(again.status).toBe(200);
  expect(again.body.data.handled).toEqual(res.body.data.handled);

  const reopened = await handle(ann.id, { handled: false }, other);
  expect(reopened.status).toBe(200);
  expect(reopened.body.data.handled).toBeNull();
  expect(await knex()('campaigns_replies').where({ id: ann.id }).first()).toMatchObject({ handled_at: null, handled_by: null });
  expect(await ids({ handled: 'no' })).toContain(ann.id);

  const byOther = await handle(bob.id, { handled: true }, other);
  expect(byOther.body.data.handled.by).toBe('Test User <handler@replies.test>');

  const badBody = await handle(ann.id, { handled: 'yes' });
  expect(badBody.status).toBe(400);
  expect(badBody.body.error.message).toMatch(/^Invalid body: data\.handled: /);
  const noData = await api().post(`/campaigns/replies/${ann.id}/handled`).set(auth()).send({});
  expect(noData.status).toBe(400);
  expect(noData.body.error.message).toMatch(/^Invalid body: data: /);
  const missing = await handle(999999, { handled: true });
  expect(missing.status).toBe(404);
  expect(missing.body.error.message).toBe('No reply with id 999999');
});

test("a campaign's replies by class name every class, 0 for those it has none of", async () => {
  const { letter, spring } = await seed('counts.test');
  const counts = async (documentId: string) => api().get(`/campaigns/campaigns/${documentId}/replies/counts`).set(auth());
  expect((await counts(letter.documentId)).body.data).toEqual({
    human: 1,
    'auto-reply': 1,
    'unsubscribe-request': 0,
    bounce: 0,
    unknown: 0,
  });
  expect((await counts(spring.documentId)).body.data).toEqual({
    human: 1,
    'auto-reply': 0,
    'unsubscribe-request': 1,
    bounce: 0,
    unknown: 0,
  });
  const quiet = await insertSentCampaign(strapi(), 'Quiet letter', ['eve@counts.test'], {
    sentAt: Date.now(),
    messageDomain: 'counts.test',
  });
  expect((await counts(quiet.documentId)).body.data).toEqual({
    human: 0,
    'auto-reply': 0,
    'unsubscribe-request': 0,
    bounce: 0,
    unknown: 0,
  });
  const unknown = await counts('abcdefghijklmnopqrstuvwx');
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.message).toBe('No campaign with documentId "abcdefghijklmnopqrstuvwx"');
});

test('reading replies needs the read action, marking them handled the replies.handle action', async () => {
  const { ann, letter } = await seed('rights.test');
  const reader = bearer(await adminWithActions(strapi(), 'reader@replies.test', [READ]));
  expect((await list({}, reader)).status).toBe(200);
  expect((await api().get(`/campaigns/replies/${ann.id}`).set(reader)).status).toBe(200);
  expect((await api().get(`/campaigns/campaigns/${letter.documentId}/replies/counts`).set(reader)).status).toBe(200);
  expect((await handle(ann.id, { handled: true }, reader)).status).toBe(403);
  expect((await knex()('campaigns_replies').where({ id: ann.id }).first()).handled_at).toBeNull();

  const nobody = bearer(await adminWithActions(strapi(), 'nobody@replies.test', []));
  expect((await list({}, nobody)).status).toBe(403);
  expect((await api().get(`/campaigns/replies/${ann.id}`).set(nobody)).status).toBe(403);
  expect((await api().get(`/campaigns/campaigns/${letter.documentId}/replies/counts`).set(nobody)).status).toBe(403);
  expect((await api().get('/campaigns/replies')).status).toBe(401);
  // The handle action alone does not let one read the inbox.
  const handlerOnly = bearer(await adminWithActions(strapi(), 'handleronly@replies.test', [HANDLE]));
  expect((await list({}, handlerOnly)).status).toBe(403);
  expect((await handle(ann.id, { handled: true }, handlerOnly)).status).toBe(200);
});

test("the contact's timeline shows its replies among its events, a person's reply once, and pages through both", async () => {
  const { ann } = await seed('timeline.test');
  const contact = (await service('contacts').findByEmail('ann@timeline.test'))!;
  const base = { delivery_id: ann.deliveryId, campaign_id: ann.campaignId, contact_id: ann.contactId, is_bot: false };
  const receivedAt = Number((await knex()('campaigns_replies').where({ id: ann.id }).first()).received_at);
  await knex()('campaigns_events').insert([
    { ...base, idempotency_key: 'fixture-open', type: 'open', source: 'tracking', occurred_at: receivedAt - HOUR, created_at: receivedAt },
    // The event Ann's reply counted as: the reply itself stands for it.
    {
      ...base,
      idempotency_key: 'fixture-reply',
      type: 'reply',
      source: 'mailbox',
      data: '{"messageId":"<r@x>"}',
      occurred_at: receivedAt,
      created_at: receivedAt,
    },
    { ...base, idempotency_key: 'fixture-click', type: 'click', source: 'tracking', occurred_at: receivedAt, created_at: receivedAt },
  ]);
  const later = await insertReply(strapi(), 'ann@timeline.test', {
    class: 'auto-reply',
    autoReplyKind: 'out-of-office',
    text: 'Away this week.',
    receivedAt: receivedAt + HOUR,
  });

  const activity = (query: Record<string, string>) =>
    api().get(`/campaigns/contacts/${contact.documentId}/activity`).query(query).set(auth());
  const entry = (e: { type: string; reply: { id: number; class: string } | null }) => (e.reply ? `reply:${e.reply.class}` : e.type);
  const all = await activity({});
  expect(all.status).toBe(200);
  expect(all.body.data.events.map(entry)).toEqual(['reply:auto-reply', 'reply:human', 'click', 'open']);
  expect(all.body.data.events[1]).toEqual({
    id: ann.id,
    type: 'reply',
    occurredAt: new Date(receivedAt).toISOString(),
    campaign: { documentId: expect.any(String), name: 'Autumn letter timeline.test' },
    source: 'mailbox',
    isBot: false,
    data: null,
    linkUrl: null,
    reply: { id: ann.id, class: 'human', snippet: '<b>Yes</b> please <script>alert("pwned")</script>' },
  });
  expect(all.body.data.events[0].reply.id).toBe(later.id);

  // One at a time: the reply and the click of one millisecond fall on either side of a page's end.
  const seen: string[] = [];
  let before: string | undefined;
  for (let pages = 0; pages < 4; pages += 1) {
    const page = await activity({ eventsLimit: '1', ...(before ? { eventsBefore: before } : {}) });
    expect(page.status).toBe(200);
    seen.push(...page.body.data.events.map(entry));
    before = page.body.meta.events.nextBefore ?? undefined;
    if (!before) break;
  }
  expect(seen).toEqual(['reply:auto-reply', 'reply:human', 'click', 'open']);
  expect(before).toBeUndefined();
  expect((await activity({ eventsBefore: `${receivedAt}_rx` })).status).toBe(400);
});
