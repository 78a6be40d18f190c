import { signToken } from '../../../server/src/features/tracking/tokens';
import { flushTracking } from '../../helpers/tracking';
import { UNDO_WINDOW_MS } from '../../../server/src/features/preferences/undo';
import { freezeDate } from '../../helpers/clock';
import { useGroupApp } from '../../helpers/integration-group';
import { formBody, hardBounce, publicPaths, seedRecipients, type Recipient } from '../../helpers/preferences';
import { TEST_PUBLIC_URL, TEST_SIGNING_SECRET } from '../../helpers/sending';

const { strapi, service, api } = useGroupApp();
const paths = publicPaths();
const knex = () => strapi().db.connection;

let people: Record<string, Recipient>;

beforeAll(async () => {
  people = await seedRecipients(strapi(), 'Undo', [
    { email: 'cy@undo.test' },
    { email: 'dee@undo.test' },
    { email: 'eve@undo.test' },
    { email: 'fred@undo.test' },
  ]);
});

afterEach(() => jest.useRealTimers());

const contact = async (email: string) => (await service('contacts').findByEmail(email))!;
const suppressionsOf = (email: string) =>
  strapi()
    .db.query('plugin::campaigns.suppression')
    .findMany({ where: { email }, orderBy: { id: 'asc' } });
const oneClick = (recipient: Recipient) =>
  api().post(paths.unsubscribe(recipient.deliveryId)).type('form').send('List-Unsubscribe=One-Click');

/** The undo form the unsubscribe page shows: its action (without the public URL) and its hidden token. */
const undoFormOf = (html: string) => {
  const action = html.match(/<form method="post" action="([^"]+\/undo)">/)?.[1];
  const token = html.match(/<input type="hidden" name="token" value="([^"]+)">/)?.[1];
  if (!action || !token) return null;
  return { path: action.slice(TEST_PUBLIC_URL.length), token };
};
const undo = (form: { path: string; token: string }) =>
  api()
    .post(form.path)
    .type('form')
    .send(formBody([['token', form.token]]));

test('after the POST the page offers the undo and the preferences; the undo resubscribes with its consent and lifts that suppression', async () => {
  const cy = people['cy@undo.test'];
  const res = await oneClick(cy);
  expect(res.status).toBe(200);
  expect(res.text).toContain('You are unsubscribed');
  expect(res.text).toContain(`<a href="${paths.urls.preferences(cy.deliveryId)}">`);
  const form = undoFormOf(res.text)!;
  expect(form).not.toBeNull();
  // The form's token is the one in its action: the token is the capability, the field must repeat it.
  expect(form.path).toBe(`/api/campaigns/t/u/${form.token}/undo`);
  const [suppression] = await suppressionsOf(cy.email);
  expect(suppression).toMatchObject({ reason: 'unsubscribe', scope: 'global', sourceEvent: `unsubscribe:${cy.deliveryId}` });
  expect((await contact(cy.email)).state).toBe('unsubscribed');
  // The page shown again offers the same undo, counted from the unsubscribe, not from the view.
  expect(undoFormOf((await api().get(paths.unsubscribe(cy.deliveryId))).text)).toEqual(form);

  const undone = await undo(form);
  expect(undone.status).toBe(200);
  expect(undone.text).toContain('You are subscribed again');
  expect(undone.text).toContain(`<a href="${paths.urls.preferences(cy.deliveryId)}">`);
  expect(undone.headers['set-cookie']).toBeUndefined();
  const back = await contact(cy.email);
  expect(back.state).toBe('subscribed');
  expect(back.consent).toEqual({ source: 'unsubscribe-undo', at: expect.any(String), ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
  expect(await suppressionsOf(cy.email)).toEqual([]);
  // The lifted suppression is in the removal log, lifted by the recipient (no admin), saying how.
  expect(await knex()('campaigns_suppression_removals').where({ email: cy.email })).toEqual([
    expect.objectContaining({ reason: 'unsubscribe', scope: 'global', removed_by_id: null, note: 'the recipient undid their unsubscribe' }),
  ]);
  // What happened stays in the record: the unsubscribe event is not rewritten.
  await flushTracking(strapi());
  expect(await knex()('campaigns_events').where({ delivery_id: cy.deliveryId, type: 'unsubscribe' })).toHaveLength(1);
  // The unsubscribe page is the form again.
  expect((await api().get(paths.unsubscribe(cy.deliveryId))).text).toContain('List-Unsubscribe');

  // The same undo again (a double click) changes nothing and says so kindly.
  const twice = await undo(form);
  expect(twice.status).toBe(200);
  expect((await contact(cy.email)).consent).toEqual(back.consent);
  expect(await knex()('campaigns_suppression_removals').where({ email: cy.email })).toHaveLength(1);
});

test('an undo token replayed after a later unsubscribe changes nothing: that unsubscribe has an undo of its own', async () => {
  const dee = people['dee@undo.test'];
  const first = undoFormOf((await oneClick(dee)).text)!;
  expect((await undo(first)).status).toBe(200);
  const second = undoFormOf((await oneClick(dee)).text)!;
  expect(second.token).not.toBe(first.token);
  const suppressionsBefore = await suppressionsOf(dee.email);
  expect(suppressionsBefore).toHaveLength(1);

  const replayed = await undo(first);
  expect(replayed.status).toBe(409);
  expect(replayed.text).toContain('Nothing to undo');
  expect((await contact(dee.email)).state).toBe('unsubscribed');
  expect(await suppressionsOf(dee.email)).toEqual(suppressionsBefore);
});

test('after the window the page offers no undo, and the undo it offered says it expired and changes nothing', async () => {
  const eve = people['eve@undo.test'];
  const form = undoFormOf((await oneClick(eve)).text)!;
  const before = { contact: await contact(eve.email), suppressions: await suppressionsOf(eve.email) };

  freezeDate(Date.now() + UNDO_WINDOW_MS + 1000);
  const late = await undo(form);
  expect(late.status).toBe(410);
  expect(late.text).toContain('Too late to undo');
  expect(late.text).toContain(`<a href="${paths.urls.preferences(eve.deliveryId)}">`);
  const page = await api().get(paths.unsubscribe(eve.deliveryId));
  expect(page.text).toContain('You are unsubscribed');
  expect(undoFormOf(page.text)).toBeNull();
  jest.useRealTimers();

  // A token signed for a window that has passed (what a replay days later carries) is refused the same way.
  const [suppression] = before.suppressions;
  const expired = paths.urls.unsubscribeUndoToken(eve.deliveryId, suppression.id, Math.floor(Date.now() / 1000) - 1);
  const replayed = await undo({ path: `/api/campaigns/t/u/${expired}/undo`, token: expired });
  expect(replayed.status).toBe(410);
  expect({ contact: await contact(eve.email), suppressions: await suppressionsOf(eve.email) }).toEqual(before);
});

test('forged, truncated, other-purpose and mismatched undo tokens are refused and change nothing', async () => {
  const dee = people['dee@undo.test'];
  const form = undoFormOf((await api().get(paths.unsubscribe(dee.deliveryId))).text)!;
  const before = { contact: await contact(dee.email), suppressions: await suppressionsOf(dee.email) };
  const [suppression] = before.suppressions;
  const farFuture = Math.floor(Date.now() / 1000) + 3600;
  const altered = `${form.token.slice(0, -1)}${form.token.endsWith('A') ? 'B' : 'A'}`;
  const invalid = [
    altered,
    form.token.slice(0, -4),
    form.token.split('.').slice(1).join('.'),
    signToken('another-secret-of-at-least-32-characters', 'unsubscribe-undo', [dee.deliveryId, suppression.id, farFuture]),
    paths.tokenOf(paths.unsubscribe(dee.deliveryId)),
    paths.tokenOf(paths.preferences(dee.deliveryId)),
    signToken(TEST_SIGNING_SECRET, 'unsubscribe-undo', [987654, suppression.id, farFuture]),
  ];
  const pages = new Set<string>();
  for (const token of invalid) {
    const res = await undo({ path: `/api/campaigns/t/u/${token}/undo`, token });
    expect({ token, status: res.status }).toEqual({ token, status: 404 });
    expect(res.text).toContain('Link not recognised');
    pages.add(res.text);
  }
  // One page for all of them: an unknown delivery reads exactly like a forgery.
  expect(pages.size).toBe(1);

  const noToken = await api().post(form.path).type('form').send('');
  expect(noToken.status).toBe(400);
  expect(noToken.text).toContain('Nothing was changed');
  const otherToken = await api()
    .post(form.path)
    .type('form')
    .send(formBody([['token', paths.tokenOf(paths.unsubscribe(dee.deliveryId))]]));
  expect(otherToken.status).toBe(400);
  const malformed = await api().post(form.path).type('form').send(`token=${form.token}&token=${form.token}`);
  expect(malformed.status).toBe(400);
  const json = await api().post(form.path).type('json').send({ token: form.token });
  expect(json.status).toBe(415);
  const huge = await api()
    .post(form.path)
    .type('form')
    .send(`token=${form.token}&pad=${'x'.repeat(10 * 1024 * 1024)}`);
  expect(huge.status).toBe(413);
  expect(huge.headers['content-type']).toBe('text/html; charset=utf-8');

  expect({ contact: await contact(dee.email), suppressions: await suppressionsOf(dee.email) }).toEqual(before);
});

test('an unsubscribe that wrote no suppression of its own (the address had a bounce) offers no undo', async () => {
  const cy = people['cy@undo.test'];
  await hardBounce(strapi(), cy.deliveryId);
  const res = await oneClick(cy);
  expect(res.status).toBe(200);
  expect(res.text).toContain('You are unsubscribed');
  expect(undoFormOf(res.text)).toBeNull();
  expect((await suppressionsOf(cy.email)).map((s: { reason: string }) => s.reason)).toEqual(['hard-bounce']);
});

test('the one-click POST is as it was: any well-formed body is one unsubscribe, one its parser refuses (10 MB) changes nothing', async () => {
  const fred = people['fred@undo.test'];
  const huge = await api()
    .post(paths.unsubscribe(fred.deliveryId))
    .type('form')
    .send(`List-Unsubscribe=One-Click&pad=${'x'.repeat(10 * 1024 * 1024)}`);
  expect(huge.status).toBe(413);
  expect((await contact(fred.email)).state).toBe('subscribed');
  expect(await suppressionsOf(fred.email)).toEqual([]);

  const json = await api().post(paths.unsubscribe(fred.deliveryId)).type('json').send({ anything: true });
  expect(json.status).toBe(200);
  expect((await contact(fred.email)).state).toBe('unsubscribed');
  const forged = await api()
    .post(`${paths.unsubscribe(fred.deliveryId).slice(0, -2)}xx`)
    .type('form')
    .send('List-Unsubscribe=One-Click');
  expect(forged.status).toBe(200);
  expect(forged.text).toContain('nothing was changed');
  expect(await suppressionsOf(fred.email)).toHaveLength(1);
  await flushTracking(strapi());
  expect(await knex()('campaigns_events').where({ delivery_id: fred.deliveryId, type: 'unsubscribe' })).toHaveLength(1);
});
