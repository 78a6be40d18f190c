import { rootOf } from '../../../server/src/composition/accessor';
import { useGroupApp } from '../../helpers/integration-group';
import { waitUntil } from '../../helpers/wait';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';

const { strapi, service, sink } = useGroupApp();

const knex = () => strapi().db.connection;

/**
 * A campaign in `sending` whose deliveries exist and whose dispatch is done, as the dispatch leaves
 * it, but with no send job yet: a test changes the world, then lets jobs (or the sweep) run.
 */
const stageDeliveries = async (name: string, people: Array<{ email: string; firstName: string }>) => {
  const campaign = await seedCampaign(strapi(), name, people);
  const id = (
    await strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { documentId: campaign.documentId } })
  ).id as number;
  const { lifecycle, records, store, engine } = rootOf(strapi()).running;
  const rules = (await service('segments').findOne((await service('campaigns').findOne(campaign.documentId)).segment!.documentId)).rules;
  await lifecycle.take(id, 'send', (trx) => records.begin(trx, id, rules, Date.now()));
  const contacts = await knex()('campaigns_contacts')
    .select('id', 'email')
    .whereIn(
      'email',
      people.map((p) => p.email)
    );
  await store.insertQueued(id, contacts, Date.now());
  await records.markDispatched(id, Date.now());
  return { campaign, id, engine };
};

test('4xx retries with backoff, 5xx fails and bounces, a connection lost after DATA is unknown and never resent', async () => {
  const addresses = ['fine', 'flaky451', 'always451', 'closing421', 'reject550', 'policy554', 'drop'].map((name) => `${name}@fail.test`);
  sink().behave('flaky451@fail.test', (attempt) => (attempt === 1 ? { rcpt: 451, message: '4.7.1 Greylisted, try again later' } : null));
  sink().behave('always451@fail.test', () => ({ rcpt: 451, message: '4.2.1 Mailbox busy' }));
  sink().behave('closing421@fail.test', () => ({ rcpt: 421, message: '4.4.2 Too many connections' }));
  sink().behave('reject550@fail.test', () => ({
    rcpt: 550,
    message: '5.1.1 <reject550@fail.test>: Recipient address rejected: User unknown',
  }));
  sink().behave('policy554@fail.test', () => ({ data: 554, message: '5.7.1 Message rejected as spam' }));
  sink().behave('drop@fail.test', () => ({ dropAfterData: true }));

  const campaign = await seedCampaign(
    strapi(),
    'Failures',
    addresses.map((email) => ({ email, firstName: email.split('@')[0] }))
  );
  const started = Date.now();
  await service('sending').sendNow(campaign.documentId);
  const progress = await waitForProgress(strapi(), campaign.documentId, finished);

  expect(progress).toMatchObject({
    state: 'sent',
    targeted: 7,
    sent: 2,
    failed: 4,
    unknown: 1,
    suppressed: 0,
    queued: 0,
    sending: 0,
    cancelled: 0,
  });
  expect(progress.sent + progress.failed + progress.suppressed + progress.unknown).toBe(progress.targeted);

  const rows = await knex()('campaigns_deliveries').whereIn('email', addresses);
  const row = (name: string) => rows.find((r) => r.email === `${name}@fail.test`);
  expect(row('fine')).toMatchObject({ state: 'sent', attempts: 1 });
  expect(row('flaky451')).toMatchObject({ state: 'sent', attempts: 2 });
  expect(row('always451')).toMatchObject({ state: 'failed', attempts: 3, response_code: 451 });
  expect(row('always451').last_error).toMatch(/4\.2\.1 Mailbox busy/);
  expect(row('closing421')).toMatchObject({ state: 'failed', attempts: 3, response_code: 421 });
  expect(row('reject550')).toMatchObject({ state: 'failed', attempts: 1, response_code: 550 });
  expect(row('policy554')).toMatchObject({ state: 'failed', attempts: 1, response_code: 554 });
  expect(row('drop')).toMatchObject({ state: 'unknown', attempts: 1 });
  // Two backoff waits (0.2 s, then 0.4 s) before always451's last try.
  expect(Date.now() - started).toBeGreaterThanOrEqual(600);

  // The dropped message reached the server once and was never sent again; the others once each when accepted.
  expect(sink().to('drop@fail.test')).toHaveLength(1);
  expect(sink().to('fine@fail.test')).toHaveLength(1);
  expect(sink().to('flaky451@fail.test')).toHaveLength(1);
  expect(sink().to('always451@fail.test')).toHaveLength(0);

  const bounces = () =>
    knex()('campaigns_events')
      .where({ type: 'bounce' })
      .whereIn(
        'delivery_id',
        rows.map((r) => r.id)
      );
  // A refusal is settled first, then handed to the inbound pipeline: the campaign may show finished
  // a moment before the last bounce is recorded.
  await waitUntil(async () => (await bounces()).length >= 3, 'the bounce events of the three refusals');
  const events = await bounces();
  const eventOf = (name: string) => events.filter((e) => e.delivery_id === row(name).id).map((e) => JSON.parse(e.data).kind);
  expect(eventOf('reject550')).toEqual(['hard']);
  expect(eventOf('policy554')).toEqual(['permanent']);
  expect(eventOf('always451')).toEqual(['soft-limit']);
  expect(eventOf('fine')).toEqual([]);
  expect(eventOf('drop')).toEqual([]);

  // Only the hard bounce suppresses the address and marks the contact.
  expect((await service('contacts').findByEmail('reject550@fail.test'))?.state).toBe('bounced');
  expect(await service('suppressions').isSuppressed('reject550@fail.test')).toBe(true);
  expect((await service('contacts').findByEmail('policy554@fail.test'))?.state).toBe('subscribed');
  expect(await service('suppressions').isSuppressed('always451@fail.test')).toBe(false);
});

test('a contact suppressed after dispatch is skipped right before sending', async () => {
  const { campaign, id, engine } = await stageDeliveries('Late suppression', [
    { email: 'keep@late.test', firstName: 'Keep' },
    { email: 'late@late.test', firstName: 'Late' },
  ]);
  await service('suppressions').add({ email: 'late@late.test', reason: 'complaint' });
  await engine.requeueQueued(id, 0);

  const progress = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(progress).toMatchObject({ state: 'sent', targeted: 2, sent: 1, suppressed: 1 });
  expect(sink().to('late@late.test')).toHaveLength(0);
  expect(sink().to('keep@late.test')).toHaveLength(1);
});

test('the sweep re-adds deliveries a crash left without a job, settles a stale claim, and finishes the campaign', async () => {
  // As a crash would leave it: deliveries written, the dispatch done, no send job in the queue,
  // and one delivery claimed by a worker that died 20 minutes ago.
  const { campaign, id, engine } = await stageDeliveries('Swept', [
    { email: 'orphan@sweep.test', firstName: 'Orphan' },
    { email: 'stale@sweep.test', firstName: 'Stale' },
  ]);
  await knex()('campaigns_deliveries')
    .where({ campaign_id: id, email: 'stale@sweep.test' })
    .update({ state: 'sending', claimed_by: 'send-gone', sending_at: Date.now() - 20 * 60_000 });

  expect(await engine.sweep()).toEqual({ swept: 2 });
  const progress = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(progress).toMatchObject({ state: 'sent', targeted: 2, sent: 1, unknown: 1 });
  expect(sink().to('orphan@sweep.test')).toHaveLength(1);
  expect(sink().to('stale@sweep.test')).toHaveLength(0);
  expect(await engine.sweep()).toEqual({ swept: 0 });
});
