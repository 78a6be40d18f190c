import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../../../../shared/contracts/site-settings';
import { inputOf, valuesOf } from '../site-settings-values';

const FULL: SiteSettings = {
  theme: { siteName: 'Northwind', logoUrl: 'https://cdn.example.com/l.png', accentColor: '#0b6e4f', footer: 'Northwind\n1 Quay Road' },
  fonts: { mode: 'site', stylesheetUrl: 'https://www.example.com/f.css', family: 'Brand Sans' },
  events: { includeEmail: true },
  tracking: { storeClientDetails: true },
  retention: { rawEventDays: 90 },
  replies: { notifyOwner: true },
};

test('the settings go through the form and back unchanged', () => {
  expect(inputOf(valuesOf(FULL))).toEqual(FULL);
  expect(inputOf(valuesOf(DEFAULT_SITE_SETTINGS))).toEqual(DEFAULT_SITE_SETTINGS);
});

test('blank inputs are none, the system fonts drop the stylesheet and family, a retention not a whole number goes as typed', () => {
  const values = { ...valuesOf(FULL), siteName: '  ', footer: '', fontMode: 'system' as const, rawEventDays: '2.5' };
  expect(inputOf(values)).toMatchObject({
    theme: { siteName: null, footer: null },
    fonts: { mode: 'system', stylesheetUrl: null, family: null },
    retention: { rawEventDays: '2.5' },
  });
  expect(inputOf({ ...values, rawEventDays: ' ' }).retention.rawEventDays).toBeNull();
});
