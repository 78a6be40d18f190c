import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../../../../shared/contracts/site-settings';
import { createSiteSettings } from '../site-settings';

const memory = (initial?: unknown) => {
  let value = initial;
  let reads = 0;
  return {
    storage: {
      read: async () => {
        reads += 1;
        return value;
      },
      write: async (next: SiteSettings) => {
        value = next;
      },
    },
    reads: () => reads,
    stored: () => value,
  };
};

const valid: SiteSettings = {
  theme: { siteName: 'Acme', logoUrl: 'https://acme.example/logo.png', accentColor: '#123abc', footer: '1 Main St, Springfield' },
  fonts: { mode: 'site', stylesheetUrl: 'https://acme.example/fonts.css', family: 'Acme Sans' },
  events: { includeEmail: true },
  tracking: { storeClientDetails: false },
  retention: { rawEventDays: 365 },
  replies: { notifyOwner: true },
};

describe('site settings', () => {
  test('nothing stored reads as the defaults', async () => {
    expect(await createSiteSettings(memory().storage).get()).toEqual(DEFAULT_SITE_SETTINGS);
  });

  test('a value an older version stored gets the defaults of what it lacks; a damaged one reads as the defaults', async () => {
    const partial = memory({ theme: { siteName: 'Old', logoUrl: null, accentColor: '#000000', footer: null } });
    expect(await createSiteSettings(partial.storage).get()).toEqual({
      ...DEFAULT_SITE_SETTINGS,
      theme: { ...DEFAULT_SITE_SETTINGS.theme, siteName: 'Old', accentColor: '#000000' },
    });
    const damaged = memory({ theme: { accentColor: 'red' } });
    expect(await createSiteSettings(damaged.storage).get()).toEqual(DEFAULT_SITE_SETTINGS);
  });

  test('a save is seen at once; a read is served from memory for a few seconds, then read again', async () => {
    let now = 1_000;
    const store = memory();
    const settings = createSiteSettings(store.storage, () => now);
    await settings.get();
    await settings.get();
    expect(store.reads()).toBe(1);
    expect(await settings.save(valid)).toEqual(valid);
    expect(await settings.get()).toEqual(valid);
    expect(store.reads()).toBe(1);
    now += 5_000;
    await settings.get();
    expect(store.reads()).toBe(2);
  });

  test.each([
    ['a colour that is not #rrggbb', { theme: { ...valid.theme, accentColor: 'red' } }, 'theme.accentColor'],
    ['a logo over http', { theme: { ...valid.theme, logoUrl: 'http://acme.example/logo.png' } }, 'theme.logoUrl'],
    ['a site name on two lines', { theme: { ...valid.theme, siteName: 'Acme\r\nBcc: x' } }, 'theme.siteName'],
    ["the site's fonts without a stylesheet", { fonts: { mode: 'site', stylesheetUrl: null, family: 'Acme Sans' } }, 'fonts.stylesheetUrl'],
    ['a family name that would close the CSS', { fonts: { ...valid.fonts, family: 'x;} body{' } }, 'fonts.family'],
    ['a retention of 0 days', { retention: { rawEventDays: 0 } }, 'retention.rawEventDays'],
    ['an unknown field', { extra: true }, 'extra'],
    ['a missing block', { events: undefined }, 'events'],
  ])('refuses %s, naming the field, and stores nothing', async (_, change, field) => {
    const store = memory();
    const settings = createSiteSettings(store.storage);
    await expect(settings.save({ ...valid, ...change })).rejects.toThrow(new RegExp(`Invalid settings: .*${field.replace('.', '\\.')}`));
    expect(store.stored()).toBeUndefined();
  });
});
