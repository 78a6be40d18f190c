import { noticeKey } from '../../../server/src/features/inbound/notice-key';
import { inboundNotice } from '../../helpers/inbound';
import { DAY, hardBounce, inboundPipelineProbe, softBounce } from '../../helpers/inbound-pipeline';
import { useGroupApp } from '../../helpers/integration-group';

/** Soft bounces through the one pipeline: counted per address across campaigns, and suppressed for a while past the policy's limit. */
const group = useGroupApp();
const { service } = group;
const { knex, heard, pipeline, settled, suppressionsOf, stateOf } = inboundPipelineProbe(group);
const hard = hardBounce;
const soft = softBounce;
const notice = inboundNotice;

const CAMPAIGNS = [9101, 9102, 9103];

/** One contact and a sent delivery to it on each campaign, as three sends would leave them. */
const mailedThrice = async (email: string) => {
  await service('contacts').create({ email });
  const { id: contactId } = await knex()('campaigns_contacts').select('id').where({ email }).first();
  const now = Date.now();
  for (const campaignId of CAMPAIGNS) {
    await knex()('campaigns_deliveries').insert({
      campaign_id: campaignId,
      contact_id: contactId,
      email,
      state: 'sent',
      attempts: 1,
      message_id: `<soft-${campaignId}@example.com>`,
      queued_at: now,
      sent_at: now,
      updated_at: now,
    });
  }
  return Number(contactId);
};

const softOn = (campaignId: number, reference: string, email: string, at: number) =>
  notice({
    source: 'webhook',
    origin: 'generic',
    reference,
    recipients: [soft(email)],
    match: { messageIds: [`<soft-${campaignId}@example.com>`] },
    at,
  });

test('count once per campaign: three retries of one campaign and a second campaign do not suppress, a third does, for a while', async () => {
  const email = 'sam@soft.test';
  const contactId = await mailedThrice(email);
  const at = Date.now();
  const retries = await pipeline().apply([1, 2, 3].map((n) => softOn(9101, `retry-${n}`, email, at + n)));
  expect(retries.map((o) => o.action)).toEqual(['soft-counted', 'soft-counted', 'soft-counted']);
  expect((await pipeline().apply([softOn(9102, 'second', email, at + 10)]))[0].action).toBe('soft-counted');
  expect(await suppressionsOf(email)).toEqual([]);

  const [third] = await pipeline().apply([softOn(9103, 'third', email, at + 20)]);
  expect(third).toMatchObject({ action: 'suppressed', matchedBy: 'message-id' });
  const [suppression] = await suppressionsOf(email);
  expect(suppression).toMatchObject({ reason: 'soft-bounce-limit', sourceEvent: `inbound:${noticeKey('generic', 'third', email)}` });
  expect(new Date(suppression.expiresAt).getTime()).toBe(at + 20 + 30 * DAY);
  expect(await service('suppressions').isSuppressed(email)).toBe(true);
  // The person did not leave and the address is not known dead: the contact keeps its state.
  expect(await stateOf(contactId)).toBe('subscribed');
  // A soft bounce (4.x.x) is no final failure: the deliveries stay sent.
  expect((await knex()('campaigns_deliveries').where({ email })).map((d) => d.state)).toEqual(['sent', 'sent', 'sent']);
  await settled();
  expect(heard.bounce.map((p) => p.action)).toEqual(['soft-counted', 'soft-counted', 'soft-counted', 'soft-counted', 'suppressed']);

  // A hard bounce during the rest is not lost when the rest ends: a lasting suppression joins it.
  await pipeline().apply([
    notice({
      source: 'webhook',
      origin: 'generic',
      reference: 'hard-now',
      recipients: [hard(email)],
      match: { messageIds: ['<soft-9103@example.com>'] },
    }),
  ]);
  expect((await suppressionsOf(email)).map((s) => [s.reason, s.expiresAt === null])).toEqual([
    ['soft-bounce-limit', false],
    ['hard-bounce', true],
  ]);
  expect(await stateOf(contactId)).toBe('bounced');
});

test('soft bounces on three campaigns applied at once, each by its own call, reach the limit once; late retries do not again', async () => {
  const email = 'race@soft.test';
  await mailedThrice(email);
  const at = Date.now();
  const applyAtOnce = async (campaignIds: number[], round: number) =>
    (
      await Promise.all(
        campaignIds.map((campaignId, i) =>
          pipeline().apply([softOn(campaignId, `race-${round}-${campaignId}`, email, at + round * 10 + i)])
        )
      )
    ).flat();
  expect((await applyAtOnce(CAMPAIGNS, 0)).every((o) => !o.repeat)).toBe(true);
  await applyAtOnce([9101, 9102], 1);
  const rows = await knex()('campaigns_inbound_notices').where({ email }).orderBy('occurred_at');
  // The third campaign's bounce crossed the limit, whichever call stored it first.
  expect(rows.map((r) => r.action)).toEqual(['soft-counted', 'soft-counted', 'suppressed', 'soft-counted', 'soft-counted']);
  const suppressions = await suppressionsOf(email);
  expect(suppressions.map((s) => s.reason)).toEqual(['soft-bounce-limit']);
  expect(new Date(suppressions[0].expiresAt).getTime()).toBe(at + 2 + 30 * DAY);
  await settled();
  expect(heard.bounce.filter((p) => p.action === 'suppressed')).toEqual([expect.objectContaining({ noticeId: Number(rows[2].id) })]);
});

test('bounces outside the window do not count; several in one batch count in time order', async () => {
  const email = 'old@soft.test';
  await mailedThrice(email);
  const now = Date.now();
  const outcomes = await pipeline().apply([
    softOn(9103, 'c', email, now),
    softOn(9101, 'a', email, now - 40 * DAY),
    softOn(9102, 'b', email, now - 1000),
  ]);
  expect(outcomes.map((o) => o.action)).toEqual(['soft-counted', 'soft-counted', 'soft-counted']);
  expect(await suppressionsOf(email)).toEqual([]);
});
