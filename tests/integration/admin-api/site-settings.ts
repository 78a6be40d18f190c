import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../../shared/contracts/site-settings';
import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';

const { strapi, api, auth } = useGroupApp();

const PATH = '/campaigns/settings/site';
const STORE_KEY = { type: 'plugin', name: 'campaigns', key: 'site-settings' } as const;

const VALID: SiteSettings = {
  theme: {
    siteName: 'Northwind Coffee',
    logoUrl: 'https://cdn.example.com/logo.png',
    accentColor: '#0b6e4f',
    footer: 'Northwind\n1 Quay Road',
  },
  fonts: { mode: 'site', stylesheetUrl: 'https://www.example.com/fonts/brand.css', family: 'Brand Sans' },
  events: { includeEmail: true },
  tracking: { storeClientDetails: true },
  retention: { rawEventDays: 90 },
  replies: { notifyOwner: true },
};

const stored = () => strapi().store.get(STORE_KEY);

test('GET answers the defaults before anything is saved', async () => {
  const res = await api().get(PATH).set(auth()).expect(200);
  expect(res.body).toEqual({ data: DEFAULT_SITE_SETTINGS });
});

test('PUT stores the whole object, GET and the store read it back, trimmed', async () => {
  const res = await api()
    .put(PATH)
    .set(auth())
    .send({ data: { ...VALID, theme: { ...VALID.theme, siteName: '  Northwind Coffee  ' } } })
    .expect(200);
  expect(res.body).toEqual({ data: VALID });
  expect(await stored()).toEqual(VALID);
  expect((await api().get(PATH).set(auth()).expect(200)).body).toEqual({ data: VALID });

  // Back to the system fonts and no theme: the nulls are stored as nulls.
  const plain = { ...DEFAULT_SITE_SETTINGS, retention: { rawEventDays: null } };
  await api().put(PATH).set(auth()).send({ data: plain }).expect(200);
  expect(await stored()).toEqual(plain);
});

const withTheme = (theme: Record<string, unknown>) => ({ ...VALID, theme: { ...VALID.theme, ...theme } });

test.each<[string, unknown, string]>([
  ['a colour that is not #rrggbb', withTheme({ accentColor: 'red' }), 'theme.accentColor'],
  ['a short colour', withTheme({ accentColor: '#fff' }), 'theme.accentColor'],
  ['an http logo', withTheme({ logoUrl: 'http://cdn.example.com/logo.png' }), 'theme.logoUrl'],
  ['a javascript: logo', withTheme({ logoUrl: 'javascript:alert(1)' }), 'theme.logoUrl'],
  ['a site name of two lines', withTheme({ siteName: 'Two\nlines' }), 'theme.siteName'],
  ['a site name too long', withTheme({ siteName: 'x'.repeat(201) }), 'theme.siteName'],
  ['a footer too long', withTheme({ footer: 'x'.repeat(1001) }), 'theme.footer'],
  ['a missing field', { ...VALID, theme: { siteName: null, logoUrl: null, accentColor: '#000000' } }, 'theme.footer'],
  ['a missing section', { theme: VALID.theme, fonts: VALID.fonts, events: VALID.events, tracking: VALID.tracking }, 'retention'],
  ['an unknown field', withTheme({ background: '#000000' }), 'theme.background'],
  ['an unknown section', { ...VALID, extra: {} }, 'extra'],
  ['site fonts without a stylesheet', { ...VALID, fonts: { mode: 'site', stylesheetUrl: null, family: 'X' } }, 'fonts.stylesheetUrl'],
  ['an http stylesheet', { ...VALID, fonts: { ...VALID.fonts, stylesheetUrl: 'http://www.example.com/f.css' } }, 'fonts.stylesheetUrl'],
  ['a font family that could break out of CSS', { ...VALID, fonts: { ...VALID.fonts, family: 'X"}body{' } }, 'fonts.family'],
  ['an unknown font mode', { ...VALID, fonts: { ...VALID.fonts, mode: 'google' } }, 'fonts.mode'],
  ['a string for a boolean', { ...VALID, events: { includeEmail: 'yes' } }, 'events.includeEmail'],
  ['a retention of 0 days', { ...VALID, retention: { rawEventDays: 0 } }, 'retention.rawEventDays'],
  ['a retention of 2.5 days', { ...VALID, retention: { rawEventDays: 2.5 } }, 'retention.rawEventDays'],
])('PUT with %s answers 400 naming the field and stores nothing', async (_case, data, field) => {
  await api().put(PATH).set(auth()).send({ data: VALID }).expect(200);
  const res = await api().put(PATH).set(auth()).send({ data }).expect(400);
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain(field);
  expect(res.body.error.message).toContain(field);
  expect(await stored()).toEqual(VALID);
});

test('PUT without { data }, or with an array or a string, is a 400 and stores nothing', async () => {
  await api().put(PATH).set(auth()).send({ data: DEFAULT_SITE_SETTINGS }).expect(200);
  for (const body of [{}, VALID, { data: [] }, { data: 'theme' }]) {
    const res = await api().put(PATH).set(auth()).send(body);
    expect(res.status).toBe(400);
  }
  expect(await stored()).toEqual(DEFAULT_SITE_SETTINGS);
});

test('401 without a token, 403 for a role without the settings action, 200 with it', async () => {
  await api().put(PATH).set(auth()).send({ data: DEFAULT_SITE_SETTINGS }).expect(200);
  await api().get(PATH).expect(401);
  await api().put(PATH).send({ data: VALID }).expect(401);
  const nobody = await adminWithActions(strapi(), 'site-settings-nobody@example.com', ['plugin::campaigns.read']);
  await api().get(PATH).set(bearer(nobody)).expect(403);
  await api().put(PATH).set(bearer(nobody)).send({ data: VALID }).expect(403);
  expect(await stored()).toEqual(DEFAULT_SITE_SETTINGS);
  const manager = await adminWithActions(strapi(), 'site-settings-manager@example.com', ['plugin::campaigns.settings.manage']);
  await api().put(PATH).set(bearer(manager)).send({ data: VALID }).expect(200);
  expect(await stored()).toEqual(VALID);
});
