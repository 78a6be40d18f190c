import { rootOf } from '../../../server/src/composition/accessor';
import type { InboundNotice } from '../../../server/src/features/inbound/notice';
import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';

const { strapi, service, api, auth } = useGroupApp();

const knex = () => strapi().db.connection;
const READ = 'plugin::campaigns.read';
const SUPPRESSIONS = 'plugin::campaigns.suppressions.manage';

/** A DSN as a bounce mailbox gets it: the text an admin reads, with markup that must stay text. */
const DSN = `From: MAILER-DAEMON@mx.example.net
To: bounces@example.com
Subject: Undelivered Mail Returned to Sender
Content-Type: text/plain

<b>This is the mail system</b> at mx.example.net. <script>alert("pwned")</script>
<ann@admin.test>: host mx.example.net said: 550 5.1.1 User unknown
`;

const bounce = (email: string, messageId: string, reference: string, raw: string | null = null): InboundNotice => ({
  source: 'mailbox',
  origin: 'imap:bounces',
  reference,
  kind: 'bounce',
  at: Date.now(),
  recipients: [{ email, bounceType: 'hard', reason: 'userunknown', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' }],
  feedbackType: null,
  match: { messageIds: [messageId] },
  raw,
});

const complaint = (email: string, messageId: string, reference: string): InboundNotice => ({
  source: 'webhook',
  origin: 'generic',
  reference,
  kind: 'complaint',
  at: Date.now(),
  recipients: [{ email, bounceType: null, reason: 'feedback', status: null, diagnostic: null }],
  feedbackType: 'abuse',
  match: { messageIds: [messageId] },
  raw: null,
});

/**
 * A sent campaign to Ann, Bob and Cat (of this test's domain), then a hard bounce for Ann (with its
 * raw mail), a complaint from Bob, and a bounce for an address never mailed.
 */
const seed = async (domain = 'admin.test') => {
  const [ann, bob, cat] = ['ann', 'bob', 'cat'].map((name) => `${name}@${domain}`);
  const campaign = await seedCampaign(strapi(), `Notices ${domain}`, [{ email: ann }, { email: bob }, { email: cat }]);
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  const { id } = await strapi()
    .db.query('plugin::campaigns.campaign')
    .findOne({ where: { documentId: campaign.documentId } });
  const rows = await knex()('campaigns_deliveries').where({ campaign_id: id });
  const messageId = (email: string) => rows.find((r) => r.email === email).message_id as string;
  const { inbound } = rootOf(strapi()).running;
  const [annBounce] = await inbound.apply([bounce(ann, messageId(ann), `dsn-${ann}`, DSN)]);
  const [bobComplaint] = await inbound.apply([complaint(bob, messageId(bob), `arf-${bob}`)]);
  const [stranger] = await inbound.apply([bounce(`nobody@elsewhere.${domain}`, '<never@example.com>', `dsn-stranger-${domain}`)]);
  return { campaign, annBounce, bobComplaint, stranger };
};

const list = (query: Record<string, string> = {}) => api().get('/campaigns/inbound/notices').query(query).set(auth());

test('lists notices newest first with their campaign and contact, filtered by kind, reason, match, campaign and address', async () => {
  const { campaign, annBounce, bobComplaint, stranger } = await seed();
  expect([annBounce.action, bobComplaint.action, stranger.action]).toEqual(['suppressed', 'complained', 'unmatched']);
  const ann = await service('contacts').findByEmail('ann@admin.test');

  const all = await list();
  expect(all.status).toBe(200);
  expect(all.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 3 });
  expect(all.body.data.map((n: { id: number }) => n.id)).toEqual([stranger.id, bobComplaint.id, annBounce.id]);
  expect(all.body.data[2]).toEqual({
    id: annBounce.id,
    receivedAt: expect.any(String),
    occurredAt: expect.any(String),
    source: 'mailbox',
    origin: 'imap:bounces',
    kind: 'bounce',
    bounceType: 'hard',
    reason: 'userunknown',
    status: '5.1.1',
    feedbackType: null,
    email: 'ann@admin.test',
    action: 'suppressed',
    matchedBy: 'message-id',
    campaign: { documentId: campaign.documentId, name: 'Notices admin.test' },
    contact: { documentId: ann!.documentId, email: 'ann@admin.test' },
    undone: null,
    undoable: true,
  });
  expect(all.body.data[0]).toMatchObject({
    email: 'nobody@elsewhere.admin.test',
    action: 'unmatched',
    campaign: null,
    contact: null,
    undoable: false,
  });

  const ids = async (query: Record<string, string>) => (await list(query)).body.data.map((n: { id: number }) => n.id);
  expect(await ids({ kind: 'complaint' })).toEqual([bobComplaint.id]);
  expect(await ids({ kind: 'bounce', reason: 'userunknown' })).toEqual([stranger.id, annBounce.id]);
  expect(await ids({ match: 'unmatched' })).toEqual([stranger.id]);
  expect(await ids({ match: 'matched' })).toEqual([bobComplaint.id, annBounce.id]);
  expect(await ids({ campaign: campaign.documentId })).toEqual([bobComplaint.id, annBounce.id]);
  expect(await ids({ search: 'ANN@' })).toEqual([annBounce.id]);
  // LIKE's wildcards are the address's own characters.
  expect(await ids({ search: '%' })).toEqual([]);
  expect(await ids({ page: '2', pageSize: '2' })).toEqual([annBounce.id]);

  const bad = await list({ kind: 'spam', reason: 'nosuchreason' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/^Invalid query: kind: .*; reason: /);
});

test('one notice shows its diagnostic and its raw mail as the text it is', async () => {
  const { annBounce, stranger } = await seed('raw.test');
  const res = await api().get(`/campaigns/inbound/notices/${annBounce.id}`).set(auth());
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({
    id: annBounce.id,
    diagnostic: '550 5.1.1 User unknown',
    raw: { text: DSN, size: Buffer.byteLength(DSN), truncated: false },
  });
  expect((await api().get(`/campaigns/inbound/notices/${stranger.id}`).set(auth())).body.data.raw).toBeNull();
  expect((await api().get('/campaigns/inbound/notices/999999').set(auth())).status).toBe(404);
});

test('undo lifts the suppression a notice made and brings its contact back, records who did it, and refuses a second time', async () => {
  const { annBounce, bobComplaint, stranger } = await seed('undo.test');
  expect(await service('suppressions').isSuppressed('ann@undo.test')).toBe(true);
  expect((await service('contacts').findByEmail('ann@undo.test'))?.state).toBe('bounced');

  const res = await api().post(`/campaigns/inbound/notices/${annBounce.id}/undo`).set(auth());
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({
    lifted: 1,
    contactState: 'subscribed',
    notice: { id: annBounce.id, action: 'undone', undoable: false, undone: { at: expect.any(String), by: 'Ada Admin <ada@example.com>' } },
  });
  expect(await service('suppressions').isSuppressed('ann@undo.test')).toBe(false);
  expect((await service('contacts').findByEmail('ann@undo.test'))?.state).toBe('subscribed');
  // The suppression stays as the record of what happened, expired, saying why.
  const [lifted] = await knex()('campaigns_suppressions').where({ email: 'ann@undo.test' });
  expect(lifted.note).toMatch(new RegExp(`^Lifted by Ada Admin <ada@example.com> on .*: inbound notice ${annBounce.id} was undone$`));
  expect(await knex()('campaigns_inbound_notices').where({ id: annBounce.id }).first()).toMatchObject({
    action: 'undone',
    undone_by: 'Ada Admin <ada@example.com>',
  });

  const again = await api().post(`/campaigns/inbound/notices/${annBounce.id}/undo`).set(auth());
  expect(again.status).toBe(400);
  expect(again.body.error.message).toMatch(new RegExp(`^Notice ${annBounce.id} was already undone by Ada Admin <ada@example.com> on `));

  const unmatched = await api().post(`/campaigns/inbound/notices/${stranger.id}/undo`).set(auth());
  expect(unmatched.status).toBe(400);
  expect(unmatched.body.error.message).toBe(
    `Notice ${stranger.id} suppressed nothing (its action was "unmatched"): there is nothing to undo`
  );

  // Bob's complaint: undone, he is subscribed again.
  expect((await api().post(`/campaigns/inbound/notices/${bobComplaint.id}/undo`).set(auth())).body.data).toMatchObject({
    lifted: 1,
    contactState: 'subscribed',
  });

  // Cat unsubscribed, then her complaint came: undoing it leaves her unsubscribed, as she asked.
  const cat = (await service('contacts').findByEmail('cat@undo.test'))!;
  const catRow = await knex()('campaigns_deliveries').where({ email: 'cat@undo.test' }).first();
  await rootOf(strapi()).signal({
    type: 'unsubscribe',
    contactIds: [catRow.contact_id],
    address: { email: 'cat@undo.test', sourceEvent: 'test' },
  });
  const [catComplaint] = await rootOf(strapi()).running.inbound.apply([complaint('cat@undo.test', catRow.message_id, 'arf-cat')]);
  expect((await service('contacts').findOne(cat.documentId)).state).toBe('complained');
  const undone = await api().post(`/campaigns/inbound/notices/${catComplaint.id}/undo`).set(auth());
  expect(undone.body.data).toMatchObject({ lifted: 0, contactState: 'unsubscribed' });
  expect((await service('contacts').findOne(cat.documentId)).state).toBe('unsubscribed');
  expect(await service('suppressions').isSuppressed('cat@undo.test')).toBe(true);
});

test('reading needs the read action, undoing the suppressions action', async () => {
  const { annBounce } = await seed('rights.test');
  const reader = bearer(await adminWithActions(strapi(), 'reader@admin.test', [READ]));
  expect((await api().get('/campaigns/inbound/notices').set(reader)).status).toBe(200);
  expect((await api().get('/campaigns/inbound/rates').set(reader)).status).toBe(200);
  expect((await api().post(`/campaigns/inbound/notices/${annBounce.id}/undo`).set(reader)).status).toBe(403);
  const nobody = bearer(await adminWithActions(strapi(), 'nobody@admin.test', []));
  expect((await api().get(`/campaigns/inbound/notices/${annBounce.id}`).set(nobody)).status).toBe(403);
  expect((await api().get('/campaigns/inbound/notices')).status).toBe(401);

  const manager = bearer(await adminWithActions(strapi(), 'manager@admin.test', [READ, SUPPRESSIONS]));
  const res = await api().post(`/campaigns/inbound/notices/${annBounce.id}/undo`).set(manager);
  expect(res.status).toBe(200);
  expect(res.body.data.notice.undone.by).toBe('Test User <manager@admin.test>');
});
