import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';
import { insertSentCampaign } from '../../helpers/sent-fixture';

const CAMPAIGN = 'plugin::campaigns.campaign';

const { strapi, auth, api, service } = useGroupApp();

const TEMPLATE =
  '<mjml><mj-body><mj-section><mj-column><mj-text>Hello {{ contact.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';

const rowOf = (documentId: string) =>
  strapi()
    .db.query(CAMPAIGN)
    .findOne({ where: { documentId }, populate: ['segment', 'topic'] });

const rowIdOf = async (uid: 'plugin::campaigns.segment' | 'plugin::campaigns.topic', documentId: string) =>
  (await strapi().db.query(uid).findOne({ where: { documentId } })).id as number;

const countRows = async (table: string, campaignId: number) =>
  Number((await strapi().db.connection(table).where({ campaign_id: campaignId }).count({ n: '*' }).first())?.n);

describe('duplicating a campaign', () => {
  test("a sent campaign's copy is a draft with its message and audience, and nothing of its send", async () => {
    const segment = await service('segments').create({ name: 'Readers', rules: { match: 'all', rules: [] } });
    const topic = await service('topics').create({ name: 'News' });
    const sent = await insertSentCampaign(strapi(), 'Spring news', ['ann@example.com', 'bob@example.com'], {
      sentAt: Date.now() - 3_600_000,
      messageDomain: 'mail.example.com',
    });
    // What an editor wrote, and what scheduling and the send left on the campaign.
    await strapi()
      .db.query(CAMPAIGN)
      .update({
        where: { id: sent.campaignId },
        data: {
          subject: 'Hello {{ contact.firstName }}',
          preheader: 'Spring is here',
          fromName: 'Northwind',
          fromEmail: 'news@example.com',
          replyTo: 'desk@example.com',
          content: TEMPLATE,
          plainText: 'Hello',
          segment: await rowIdOf('plugin::campaigns.segment', segment.documentId),
          topic: await rowIdOf('plugin::campaigns.topic', topic.documentId),
          sendAt: new Date(Date.now() - 3_600_000),
          schedule: { mode: 'recipient-local', date: '2026-01-15', time: '10:30', timezone: 'Europe/Paris' },
          timezoneMode: 'recipient-local',
          scheduleVersion: 3,
          counters: { sent: 2 },
        },
      });

    const res = await api().post(`/campaigns/campaigns/${sent.documentId}/duplicate`).set(auth());
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: 'Spring news (copy)',
      state: 'draft',
      subject: 'Hello {{ contact.firstName }}',
      segment: { documentId: segment.documentId, name: 'Readers' },
      sentTo: null,
      sentAt: null,
      rates: null,
      schedule: null,
      sendAt: null,
    });
    const copyId = res.body.data.documentId;
    expect(copyId).not.toBe(sent.documentId);

    const copy = await rowOf(copyId);
    expect(copy).toMatchObject({
      name: 'Spring news (copy)',
      state: 'draft',
      subject: 'Hello {{ contact.firstName }}',
      preheader: 'Spring is here',
      fromName: 'Northwind',
      fromEmail: 'news@example.com',
      replyTo: 'desk@example.com',
      contentFormat: 'mjml',
      content: TEMPLATE,
      plainText: 'Hello',
      segment: { documentId: segment.documentId },
      topic: { documentId: topic.documentId },
      sendAt: null,
      schedule: null,
      timezoneMode: 'fixed',
      scheduleVersion: 0,
      counters: null,
      pauseReason: null,
    });
    expect(await countRows('campaigns_deliveries', copy.id)).toBe(0);
    expect(await countRows('campaigns_sends', copy.id)).toBe(0);

    // The original keeps what it was.
    expect(await rowOf(sent.documentId)).toMatchObject({ name: 'Spring news', state: 'sent', scheduleVersion: 3 });
    expect(await countRows('campaigns_deliveries', sent.campaignId)).toBe(2);
  });

  test('a name at its limit is shortened to keep the suffix', async () => {
    const long = await service('campaigns').create({ name: 'x'.repeat(200) });
    const copy = await service('campaigns').duplicate(long.documentId);
    expect(copy.name).toBe(`${'x'.repeat(193)} (copy)`);
  });

  test('404 for an unknown campaign, 403 without the write action, and nothing is created', async () => {
    const { documentId } = await service('campaigns').create({ name: 'Original' });
    const before = await strapi().documents(CAMPAIGN).count({});
    const missing = await api().post('/campaigns/campaigns/doesnotexist000000000000/duplicate').set(auth());
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ name: 'NotFoundError', message: 'No campaign with documentId "doesnotexist000000000000"' });

    const reader = await adminWithActions(strapi(), 'copy-reader@example.com', ['plugin::campaigns.read']);
    await api().post(`/campaigns/campaigns/${documentId}/duplicate`).set(bearer(reader)).expect(403);
    expect(await strapi().documents(CAMPAIGN).count({})).toBe(before);
  });
});
