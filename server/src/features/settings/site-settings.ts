import { z } from 'zod';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../../../shared/contracts/site-settings';
import { parseOrThrow } from '../../validation/errors';

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\r\n]*$/, 'one line');

const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'an https URL');

/** Every field is required on PUT: the form sends the whole object, so a missing field is a client bug, not a reset. */
export const siteSettingsInput = z.strictObject({
  theme: z.strictObject({
    siteName: oneLine(200).min(1).nullable(),
    logoUrl: httpsUrl.nullable(),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #4945ff'),
    footer: z.string().trim().min(1).max(1000).nullable(),
  }),
  fonts: z
    .strictObject({
      mode: z.enum(['system', 'site']),
      stylesheetUrl: httpsUrl.nullable(),
      family: oneLine(200)
        .min(1)
        .regex(/^[^;{}<>"\\]*$/, 'a font family name without ; { } < > " or \\')
        .nullable(),
    })
    .refine((fonts) => fonts.mode === 'system' || (fonts.stylesheetUrl && fonts.family), {
      message: "the site's fonts need the stylesheet URL and the family name",
      path: ['stylesheetUrl'],
    }),
  events: z.strictObject({ includeEmail: z.boolean() }),
  tracking: z.strictObject({ storeClientDetails: z.boolean() }),
  retention: z.strictObject({ rawEventDays: z.number().int().min(1).max(3650).nullable() }),
  replies: z.strictObject({ notifyOwner: z.boolean() }),
});

/** Where the settings are kept: Strapi's core store in the app, a Map in unit tests. */
export interface SettingsStorage {
  read(): Promise<unknown>;
  write(value: SiteSettings): Promise<void>;
}

/** A stored value read back: defaults for what an older version did not store, and a damaged value is the defaults. */
const settingsOf = (stored: unknown): SiteSettings => {
  if (!stored || typeof stored !== 'object') return DEFAULT_SITE_SETTINGS;
  const merged = Object.fromEntries(
    Object.entries(DEFAULT_SITE_SETTINGS).map(([key, value]) => [key, { ...value, ...((stored as Record<string, object>)[key] ?? {}) }])
  );
  const parsed = siteSettingsInput.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SITE_SETTINGS;
};

/** How long a process trusts what it read: another instance's save is seen within this. */
const FRESH_MS = 5000;

/**
 * The editor's settings, read often (every public page, every send batch) and written rarely: a
 * read is served from memory for a few seconds, a save here is seen at once.
 */
export const createSiteSettings = (storage: SettingsStorage, now: () => number = Date.now) => {
  let cached: { value: SiteSettings; at: number } | null = null;
  return {
    async get(): Promise<SiteSettings> {
      if (cached && now() - cached.at < FRESH_MS) return cached.value;
      const value = settingsOf(await storage.read());
      cached = { value, at: now() };
      return value;
    },

    /** Validates the whole object (a ValidationError naming each bad field) and stores it. */
    async save(input: unknown): Promise<SiteSettings> {
      const value = parseOrThrow(siteSettingsInput, input, 'settings');
      await storage.write(value);
      cached = { value, at: now() };
      return value;
    },
  };
};

export type SiteSettingsStore = ReturnType<typeof createSiteSettings>;
