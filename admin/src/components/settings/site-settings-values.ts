import type { SiteSettings } from '../../../../shared/contracts/site-settings';

/** The form's state: text inputs hold strings, an empty one means "none" (null). */
export interface SiteSettingsValues {
  siteName: string;
  logoUrl: string;
  accentColor: string;
  footer: string;
  fontMode: SiteSettings['fonts']['mode'];
  stylesheetUrl: string;
  fontFamily: string;
  includeEmail: boolean;
  storeClientDetails: boolean;
  rawEventDays: string;
  notifyOwner: boolean;
}

export const valuesOf = (settings: SiteSettings): SiteSettingsValues => ({
  siteName: settings.theme.siteName ?? '',
  logoUrl: settings.theme.logoUrl ?? '',
  accentColor: settings.theme.accentColor,
  footer: settings.theme.footer ?? '',
  fontMode: settings.fonts.mode,
  stylesheetUrl: settings.fonts.stylesheetUrl ?? '',
  fontFamily: settings.fonts.family ?? '',
  includeEmail: settings.events.includeEmail,
  storeClientDetails: settings.tracking.storeClientDetails,
  rawEventDays: settings.retention.rawEventDays === null ? '' : String(settings.retention.rawEventDays),
  notifyOwner: settings.replies.notifyOwner,
});

const orNull = (text: string) => (text.trim() ? text : null);

/**
 * The whole object the PUT takes. The server checks every field; the form does not second-guess
 * it (a retention that is not a whole number goes as typed, and the server names the field). The
 * system fonts keep no stylesheet or family: they would mean nothing.
 */
export const inputOf = (values: SiteSettingsValues): SiteSettings => {
  const days = values.rawEventDays.trim();
  return {
    theme: {
      siteName: orNull(values.siteName),
      logoUrl: orNull(values.logoUrl),
      accentColor: values.accentColor.trim(),
      footer: orNull(values.footer),
    },
    fonts:
      values.fontMode === 'site'
        ? { mode: 'site', stylesheetUrl: orNull(values.stylesheetUrl), family: orNull(values.fontFamily) }
        : { mode: 'system', stylesheetUrl: null, family: null },
    events: { includeEmail: values.includeEmail },
    tracking: { storeClientDetails: values.storeClientDetails },
    retention: { rawEventDays: days === '' ? null : /^\d+$/.test(days) ? Number(days) : (days as unknown as number) },
    replies: { notifyOwner: values.notifyOwner },
  };
};
