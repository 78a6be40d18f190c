import { rootOf } from '../../../server/src/composition/accessor';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';

const { strapi, service, api, auth, sink } = useGroupApp();

const knex = () => strapi().db.connection;
const campaignId = async (documentId: string) =>
  (await strapi().db.query('plugin::campaigns.campaign').findOne({ where: { documentId } })).id as number;

const mjml = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
/** Renders for the sample contact (no `repeat`: an empty loop); a contact with a huge `repeat` hits the render's memory limit. */
const LOOP_BY_CONTACT = mjml('Hello {{ contact.firstName }}{% for i in (1..contact.attributes.repeat) %}.{% endfor %}');

afterEach(() => jest.restoreAllMocks());

test('send now renders the templates for the sample contact: a template that cannot render is a 400 naming the field, and nothing is written', async () => {
  const campaign = await seedCampaign(strapi(), 'Endless loop', [{ email: 'amy@loop.test', firstName: 'Amy' }], {
    content: mjml('{% for i in (1..100000000) %}{% endfor %}'),
  });
  const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/^Invalid campaign: content: .*limit/);
  expect(res.body.error.details.errors[0].path).toEqual(['content']);

  const id = await campaignId(campaign.documentId);
  expect(await service('campaigns').findOne(campaign.documentId)).toMatchObject({ state: 'draft' });
  expect(await knex()('campaigns_sends').where({ campaign_id: id })).toEqual([]);
  expect(await knex()('campaigns_deliveries').where({ campaign_id: id })).toEqual([]);
  expect(await service('queues').queue('dispatch').getJob(`dispatch-${id}-0`)).toBeFalsy();
});

test('at send time a delivery whose render fails is failed with the template error and logged; the rest of its group is sent', async () => {
  const warn = jest.spyOn(strapi().log, 'warn');
  const people = [
    { email: 'ann@render.test', firstName: 'Ann', attributes: { repeat: 2 } },
    { email: 'bad@render.test', firstName: 'Bad', attributes: { repeat: 100000000 } },
    { email: 'cal@render.test', firstName: 'Cal' },
  ];
  const campaign = await seedCampaign(strapi(), 'Render per contact', people, { content: LOOP_BY_CONTACT });
  const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
  expect(res.status).toBe(200);

  const progress = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(progress).toMatchObject({ state: 'sent', targeted: 3, sent: 2, failed: 1, unknown: 0, suppressed: 0, queued: 0, sending: 0 });

  expect(sink().to('ann@render.test')).toHaveLength(1);
  expect(sink().to('cal@render.test')).toHaveLength(1);
  expect(sink().to('bad@render.test')).toHaveLength(0);
  expect(String((await sink().parse(sink().to('ann@render.test')[0])).html)).toContain('Hello Ann..');

  const rows = await knex()('campaigns_deliveries').where({ campaign_id: await campaignId(campaign.documentId) });
  const row = (email: string) => rows.find((r) => r.email === email);
  expect(row('ann@render.test')).toMatchObject({ state: 'sent', attempts: 1 });
  expect(row('cal@render.test')).toMatchObject({ state: 'sent', attempts: 1 });
  expect(row('bad@render.test')).toMatchObject({ state: 'failed', attempts: 1, response_code: null, claimed_by: null });
  expect(row('bad@render.test').last_error).toMatch(/content: memory alloc limit exceeded/);
  expect(row('bad@render.test').failed_at).not.toBeNull();
  // Not a bounce: the address is fine, the template is not.
  expect(await knex()('campaigns_events').where({ delivery_id: row('bad@render.test').id })).toEqual([]);
  expect((await service('contacts').findByEmail('bad@render.test'))?.state).toBe('subscribed');

  expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(
    expect.stringMatching(new RegExp(`delivery ${row('bad@render.test').id}\\b.*content: memory alloc limit exceeded`))
  );
});

test('a job that stops after claiming a group gives the deliveries it never tried back to the queue, so its retry sends them', async () => {
  const people = [
    { email: 'refused@stop.test', firstName: 'Refused' },
    { email: 'next@stop.test', firstName: 'Next' },
    { email: 'last@stop.test', firstName: 'Last' },
  ];
  sink().behave('refused@stop.test', () => ({ rcpt: 550, message: '5.1.1 User unknown' }));
  const { engine } = rootOf(strapi()).running;
  // Recording the refusal fails once (a database hiccup): the job stops in the middle of its group.
  jest.spyOn(engine, 'settleFailure').mockRejectedValueOnce(new Error('database went away'));
  const campaign = await seedCampaign(strapi(), 'Stopped job', people);
  await service('sending').sendNow(campaign.documentId);

  const progress = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(progress).toMatchObject({ state: 'sent', targeted: 3, sent: 2 });
  const rows = await knex()('campaigns_deliveries')
    .where({ campaign_id: await campaignId(campaign.documentId) })
    .orderBy('id');
  expect(rows.filter((r) => r.email !== 'refused@stop.test').map((r) => [r.email, r.state, r.attempts])).toEqual([
    ['next@stop.test', 'sent', 1],
    ['last@stop.test', 'sent', 1],
  ]);
  expect(sink().to('next@stop.test')).toHaveLength(1);
  expect(sink().to('last@stop.test')).toHaveLength(1);
});

test('the web view of a message that no longer renders for its contact is a 404 and a log line, not a 500', async () => {
  const warn = jest.spyOn(strapi().log, 'warn');
  const campaign = await seedCampaign(
    strapi(),
    'View after change',
    [{ email: 'vic@view.test', firstName: 'Vic', attributes: { repeat: 1 } }],
    { content: LOOP_BY_CONTACT }
  );
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  const [delivery] = await knex()('campaigns_deliveries').where({ campaign_id: await campaignId(campaign.documentId) });
  const viewPath = new URL(rootOf(strapi()).composeContext().urls.view(delivery.id)).pathname;
  expect((await api().get(viewPath)).status).toBe(200);

  await knex()('campaigns_contacts')
    .where({ email: 'vic@view.test' })
    .update({ attributes: JSON.stringify({ repeat: 100000000 }) });
  const res = await api().get(viewPath);
  expect(res.status).toBe(404);
  expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(
    expect.stringMatching(new RegExp(`web view of delivery ${delivery.id} cannot be rendered`))
  );
});

test('a delivery that cannot be rendered and whose failure cannot be written goes back to the queue, and its retry fails it: never unknown', async () => {
  const people = [
    { email: 'bad@write.test', firstName: 'Bad', attributes: { repeat: 100000000 } },
    { email: 'good@write.test', firstName: 'Good' },
  ];
  // Writing the render failure fails once (a database hiccup): the job stops, its retry tries again.
  jest.spyOn(rootOf(strapi()).running.store, 'settle').mockRejectedValueOnce(new Error('database went away'));
  const campaign = await seedCampaign(strapi(), 'Unwritable failure', people, { content: LOOP_BY_CONTACT });
  await service('sending').sendNow(campaign.documentId);

  const progress = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(progress).toMatchObject({ state: 'sent', targeted: 2, sent: 1, failed: 1, unknown: 0 });
  const rows = await knex()('campaigns_deliveries').where({ campaign_id: await campaignId(campaign.documentId) });
  expect(rows.find((r) => r.email === 'bad@write.test')).toMatchObject({ state: 'failed', claimed_by: null });
  expect(sink().to('good@write.test')).toHaveLength(1);
  expect(sink().to('bad@write.test')).toHaveLength(0);
});
