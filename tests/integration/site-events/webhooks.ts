import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rootOf } from '../../../server/src/composition/accessor';
import { SITE_EVENT_NAMES } from '../../../server/src/site-events/catalogue';
import { useGroupApp } from '../../helpers/integration-group';
import { waitUntil } from '../../helpers/wait';

/**
 * A real Strapi webhook on the `campaigns.*` events: created through Strapi's own admin API,
 * delivered by Strapi's own webhook runner to an HTTP server of the test.
 */
const { strapi, api, auth, service } = useGroupApp();

interface Received {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

const received: Received[] = [];
let server: http.Server;
let url: string;
const created: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});

// Webhooks and the site settings live outside the plugin's tables, which is all a group reset empties.
afterAll(async () => {
  for (const id of created) await api().delete(`/admin/webhooks/${id}`).set(auth());
  const settings = rootOf(strapi()).siteSettings;
  await settings.save({ ...(await settings.get()), events: { includeEmail: false } });
  await new Promise((resolve) => server.close(resolve));
});

const createWebhook = async (events: string[]) => {
  const res = await api()
    .post('/admin/webhooks')
    .set(auth())
    .send({ name: `Campaigns ${events.length}`, url, headers: { 'X-Site-Secret': 'shared-with-the-site' }, events });
  if (res.status === 201) created.push(String(res.body.data.id));
  return res;
};

test("Strapi's webhook API takes every campaigns.* event, and refuses one the plugin does not make", async () => {
  const all = await createWebhook(SITE_EVENT_NAMES);
  expect(all.status).toBe(201);
  expect(all.body.data.events).toEqual(SITE_EVENT_NAMES);
  await api().delete(`/admin/webhooks/${created.pop()}`).set(auth()).expect(200);

  const unknown = await createWebhook(['campaigns.unsubscribe', 'campaigns.nosuchevent']);
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.message).toBe('Webhook event campaigns.nosuchevent is not supported');
});

const setState = (documentId: string, data: unknown) =>
  api().post(`/campaigns/contacts/${documentId}/state`).set(auth()).send({ data }).expect(200);

test("a webhook on campaigns.unsubscribe gets Strapi's request: its headers, the event, ids, and the address only once the site opts in", async () => {
  const res = await createWebhook(['campaigns.unsubscribe']);
  expect(res.status).toBe(201);
  const settings = rootOf(strapi()).siteSettings;
  expect((await settings.get()).events.includeEmail).toBe(false);

  const ann = await service('contacts').create({ email: 'ann@hooks.test' });
  const bob = await service('contacts').create({ email: 'bob@hooks.test' });
  const annId = Number(
    (
      await strapi()
        .db.query('plugin::campaigns.contact')
        .findOne({ where: { documentId: ann.documentId } })
    ).id
  );
  await setState(ann.documentId, { state: 'unsubscribed' });
  await waitUntil(() => received.length === 1, 'the webhook request of the first unsubscribe');

  const [first] = received;
  expect(first.headers['x-strapi-event']).toBe('campaigns.unsubscribe');
  expect(first.headers['x-site-secret']).toBe('shared-with-the-site');
  expect(first.headers['content-type']).toBe('application/json');
  expect(first.body).toEqual({
    event: 'campaigns.unsubscribe',
    createdAt: expect.any(String),
    contactId: annId,
    contactDocumentId: ann.documentId,
    origin: 'admin',
    campaignId: null,
    deliveryId: null,
  });

  await settings.save({ ...(await settings.get()), events: { includeEmail: true } });
  await setState(bob.documentId, { state: 'unsubscribed' });
  await waitUntil(() => received.length === 2, 'the webhook request of the second unsubscribe');
  expect(received[1].body).toMatchObject({ event: 'campaigns.unsubscribe', contactDocumentId: bob.documentId, email: 'bob@hooks.test' });

  // Events the webhook did not pick are not sent to it: a resubscribe is heard on the hub only.
  await setState(ann.documentId, { state: 'subscribed', consent: { source: 'Phone call', text: 'Yes' } });
  await rootOf(strapi()).announce.settled();
  // One more unsubscribe, announced after it: a request for the resubscribe would have been posted first.
  await setState(ann.documentId, { state: 'unsubscribed' });
  await waitUntil(() => received.length === 3, 'the webhook request of the third unsubscribe');
  expect(received.map((r) => r.body.event)).toEqual(['campaigns.unsubscribe', 'campaigns.unsubscribe', 'campaigns.unsubscribe']);
  expect(received[2].body).toMatchObject({ contactDocumentId: ann.documentId, email: 'ann@hooks.test' });
});
