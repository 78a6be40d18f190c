import { rootOf } from '../../../server/src/composition/accessor';
import { assignVariant } from '../../../server/src/features/experiments/stats';
import { verifyToken } from '../../../server/src/features/tracking/tokens';
import type { SendProgress } from '../../../shared/contracts/sending';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, TEST_SIGNING_SECRET, waitForProgress } from '../../helpers/sending';

const { strapi, api, auth, sink } = useGroupApp();

const knex = () => strapi().db.connection;

/** Variant C's own content: another link than the campaign's, so its links are its own. */
const C_CONTENT = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Evening edition for {{ contact.firstName }}</mj-text>
  <mj-button href="https://shop.example.com/evening">Shop the evening blend</mj-button>
  <mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>
</mj-column></mj-section></mj-body></mjml>`;

const VARIANTS = [
  { key: 'A', name: 'Control' },
  { key: 'B', name: 'Question', subject: 'B: ready for autumn, {{ contact.firstName }}?' },
  { key: 'C', name: 'Evening', subject: 'C: the evening blend', fromName: 'Ann at Northwind', content: C_CONTENT },
];
const SUBJECTS: Record<string, (firstName: string) => string> = {
  A: (name) => `Autumn news for ${name}`,
  B: (name) => `B: ready for autumn, ${name}?`,
  C: () => 'C: the evening blend',
};

const people = (tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `p${i}@${tag}.test`, firstName: `P${i}` }));

const campaignIdOf = async (documentId: string) =>
  (await strapi().db.query('plugin::campaigns.campaign').findOne({ where: { documentId } })).id as number;

/** The experiment row as the A/B panel would save it (a draft): the send reads it through experimentForSend. */
const addExperiment = (campaignId: number, testShare: number) =>
  strapi()
    .db.query('plugin::campaigns.experiment')
    .create({
      data: {
        campaign: campaignId,
        variants: VARIANTS,
        testShare,
        metric: 'click',
        waitMinutes: 240,
        decisionRule: 'bayesian',
        noWinner: 'wait',
        minSamplePerVariant: 100,
        probabilityToWin: 0.95,
        state: 'draft',
      },
    });

const deliveriesOf = (campaignId: number) =>
  knex()('campaigns_deliveries').select('id', 'contact_id', 'email', 'variant', 'state').where({ campaign_id: campaignId }).orderBy('id');

/** The test group is out: nothing queued or in flight, the dispatch done, the campaign still sending (the rest waits). */
const testGroupOut = (count: number) => (p: SendProgress) =>
  p.state === 'sending' && !p.dispatching && p.queued === 0 && p.sending === 0 && p.sent === count;

/** The sink's messages to one test's addresses (the sink forgets only between modules). */
const receivedAt = (tag: string) => sink().received.filter((m) => m.rcptTo.every((to) => to.endsWith(`@${tag}.test`)));

/** The messages to one test's addresses, by recipient, with their parsed subject and HTML. */
const mailsByRecipient = async (tag: string) => {
  const byRecipient = new Map<string, Array<{ subject: string; html: string; from: string; feedbackId: string }>>();
  for (const received of receivedAt(tag)) {
    const mail = await sink().parse(received);
    const feedback = mail.headerLines.find((h) => h.key === 'feedback-id')?.line ?? '';
    for (const to of received.rcptTo) {
      const list = byRecipient.get(to) ?? [];
      list.push({ subject: mail.subject ?? '', html: String(mail.html), from: mail.from?.value[0].name ?? '', feedbackId: feedback });
      byRecipient.set(to, list);
    }
  }
  return byRecipient;
};

test('a 3-variant test mails its test group once each with its variant, waits, then the winner goes to the rest once', async () => {
  const audience = people('ab', 50);
  const campaign = await seedCampaign(strapi(), 'AB test', audience);
  const id = await campaignIdOf(campaign.documentId);
  const experiment = await addExperiment(id, 60);
  const contacts: Array<{ id: number; email: string }> = await knex()('campaigns_contacts')
    .select('id', 'email')
    .whereIn(
      'email',
      audience.map((p) => p.email)
    );
  const expected = new Map(
    contacts.map((c) => [
      c.email,
      assignVariant({
        secret: TEST_SIGNING_SECRET,
        experimentId: experiment.documentId,
        contactId: c.id,
        variants: ['A', 'B', 'C'],
        testShare: 60,
      }).variant,
    ])
  );
  const testGroup = [...expected].filter(([, variant]) => variant !== null);
  // About 60% of 50: a binomial's 3 standard deviations either side.
  expect(testGroup.length).toBeGreaterThanOrEqual(20);
  expect(testGroup.length).toBeLessThanOrEqual(40);

  const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
  expect(res.status).toBe(200);
  const progress = await waitForProgress(strapi(), campaign.documentId, testGroupOut(testGroup.length));
  expect(progress).toMatchObject({ targeted: testGroup.length, failed: 0, suppressed: 0, unknown: 0 });
  const stored = await strapi()
    .db.query('plugin::campaigns.experiment')
    .findOne({ where: { id: experiment.id } });
  expect(stored.state).toBe('testing');

  // The rows carry the variants the keyed hash gives, and nobody outside the test group has one.
  const testRows = await deliveriesOf(id);
  expect(Object.fromEntries(testRows.map((d) => [d.email, d.variant]))).toEqual(Object.fromEntries(testGroup));
  expect(new Set(testRows.map((d) => d.variant))).toEqual(new Set(['A', 'B', 'C']));

  // Each of the test group got exactly one message, its variant's.
  const firstName = new Map(audience.map((p) => [p.email, p.firstName]));
  let mails = await mailsByRecipient('ab');
  expect([...mails.keys()].sort()).toEqual(testGroup.map(([email]) => email).sort());
  const links: Array<{ id: number; variant: string; url: string }> = await knex()('campaigns_links')
    .select('id', 'variant', 'url')
    .where({ campaign_id: id });
  for (const [email, variant] of testGroup) {
    const [mail, ...more] = mails.get(email)!;
    expect(more).toEqual([]);
    expect(mail.subject).toBe(SUBJECTS[variant!](firstName.get(email)!));
    expect(mail.from).toBe(variant === 'C' ? 'Ann at Northwind' : 'Northwind Coffee');
    expect(mail.feedbackId).toContain(`${id}:${variant}:campaigns:`);
    expect(mail.html).toContain(variant === 'C' ? 'Evening edition for' : 'Three things that changed');
    // Its click links are its own variant's.
    const delivery = testRows.find((d) => d.email === email)!;
    const tokens = [...mail.html.matchAll(/https:\/\/news\.example\.com\/api\/campaigns\/t\/c\/([^"]+)"/g)].map((m) => m[1]);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) {
      const [deliveryId, linkId] = verifyToken(TEST_SIGNING_SECRET, 'click', token, 2)!;
      expect(deliveryId).toBe(delivery.id);
      expect(links.find((l) => l.id === linkId)?.variant).toBe(variant);
    }
  }
  // Links per variant: A and B share the campaign's content, each under its own key; C has its own link; none without a variant.
  const urlsOf = (variant: string) =>
    links
      .filter((l) => l.variant === variant)
      .map((l) => l.url)
      .sort();
  expect(urlsOf('A')).toEqual(['https://blog.example.com/brewing', 'https://shop.example.com/autumn?utm=mail&x=1']);
  expect(urlsOf('B')).toEqual(urlsOf('A'));
  expect(urlsOf('C')).toEqual(['https://shop.example.com/evening']);
  expect(urlsOf('')).toEqual([]);

  // A retry of the dispatch (a job that died before its cursor moved) assigns the same and creates nothing.
  const { engine, winnerSend } = rootOf(strapi()).running;
  await knex()('campaigns_sends').where({ campaign_id: id }).update({ state: 'dispatching', cursor: 0 });
  await engine.dispatch(id);
  expect(await deliveriesOf(id)).toEqual(testRows.map((d) => ({ ...d, state: 'sent' })));
  expect(receivedAt('ab')).toHaveLength(testGroup.length);

  // The rest waits for a decided winner: not a variant it lacks, not before the decision.
  await expect(winnerSend.sendWinner(id, 'Z')).rejects.toThrow(/"Z" is not a variant of campaign .* \(A, B, C\)/);
  await expect(winnerSend.sendWinner(id, 'B')).rejects.toThrow(/is testing: only its decided winner goes to the rest/);
  await strapi()
    .db.query('plugin::campaigns.experiment')
    .update({ where: { id: experiment.id }, data: { state: 'decided', winner: 'B', decidedAt: new Date() } });
  await expect(winnerSend.sendWinner(id, 'A')).rejects.toThrow(/is decided for B/);

  expect(await winnerSend.sendWinner(id, 'B')).toEqual({ started: true });
  expect(await winnerSend.sendWinner(id, 'B')).toEqual({ started: false });
  const done = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(done).toMatchObject({ state: 'sent', targeted: 50, sent: 50, failed: 0, suppressed: 0, unknown: 0 });

  // Everyone got exactly one message: the test group theirs, the rest B's.
  mails = await mailsByRecipient('ab');
  expect(mails.size).toBe(50);
  expect(receivedAt('ab')).toHaveLength(50);
  const rows = await deliveriesOf(id);
  expect(rows).toHaveLength(50);
  for (const person of audience) {
    const [mail, ...more] = mails.get(person.email)!;
    expect(more).toEqual([]);
    const variant = expected.get(person.email) ?? 'B';
    expect(rows.find((d) => d.email === person.email)?.variant).toBe(variant);
    expect(mail.subject).toBe(SUBJECTS[variant](person.firstName));
  }
});

test('a test of the whole audience has no rest: the campaign ends with its test, and sendWinner starts nothing', async () => {
  const audience = people('ab-all', 12);
  const campaign = await seedCampaign(strapi(), 'AB all', audience);
  const id = await campaignIdOf(campaign.documentId);
  const experiment = await addExperiment(id, 100);
  await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth()).expect(200);
  expect(await waitForProgress(strapi(), campaign.documentId, finished)).toMatchObject({ state: 'sent', sent: 12 });
  const rows = await deliveriesOf(id);
  expect(rows.every((d) => ['A', 'B', 'C'].includes(d.variant))).toBe(true);
  await strapi()
    .db.query('plugin::campaigns.experiment')
    .update({ where: { id: experiment.id }, data: { state: 'decided', winner: 'A' } });
  expect(await rootOf(strapi()).running.winnerSend.sendWinner(id, 'A')).toEqual({ started: false });
  expect(receivedAt('ab-all')).toHaveLength(12);
});

test('a campaign without an experiment sends as before: one message each, no variant, links without one', async () => {
  const audience = people('ab-none', 8);
  const campaign = await seedCampaign(strapi(), 'No AB', audience);
  const id = await campaignIdOf(campaign.documentId);
  await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth()).expect(200);
  expect(await waitForProgress(strapi(), campaign.documentId, finished)).toMatchObject({ state: 'sent', sent: 8, targeted: 8 });
  expect((await deliveriesOf(id)).map((d) => d.variant)).toEqual(Array(8).fill(''));
  expect(new Set((await knex()('campaigns_links').where({ campaign_id: id })).map((l) => l.variant))).toEqual(new Set(['']));
  const mails = await mailsByRecipient('ab-none');
  expect(mails.size).toBe(8);
  for (const person of audience) {
    expect(mails.get(person.email)!.map((m) => m.subject)).toEqual([`Autumn news for ${person.firstName}`]);
    expect(mails.get(person.email)![0].feedbackId).toContain(`${id}:a:campaigns:`);
  }
  await expect(rootOf(strapi()).running.winnerSend.sendWinner(id, 'B')).rejects.toThrow(/has no A\/B test/);
});
