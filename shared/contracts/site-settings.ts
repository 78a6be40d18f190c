/**
 * The settings an editor changes on the Settings page (GET and PUT /campaigns/settings/site), kept
 * in Strapi's core store; the options in config/plugins.ts stay the site owner's. Read by the public
 * pages (theme, fonts), the send path (fonts in the sent HTML), the site events (address opt-in),
 * the tracking writer (client details) and the retention job.
 */

/** How the public pages (unsubscribe, preferences, view in browser, errors) look. */
export interface PageTheme {
  /** Shown at the top of every page and in its title; null: no name. */
  siteName: string | null;
  /** An https URL of the site's logo (the page's CSP allows images from its origin only); null: none. */
  logoUrl: string | null;
  /** Buttons and links, `#rrggbb`. */
  accentColor: string;
  /** The footer text, the postal address among it (CAN-SPAM); null: the configured `sending.postalAddress`. */
  footer: string | null;
}

/**
 * Where text fonts come from, for the public pages and the sent HTML alike. `system`: the reader's
 * own fonts, nothing fetched (MJML's default Google Fonts removed). `site`: one stylesheet served by
 * the site itself (an https URL on `publicUrl`'s origin) and its family name; never a third-party host.
 */
export interface FontSettings {
  mode: 'system' | 'site';
  stylesheetUrl: string | null;
  family: string | null;
}

export interface SiteSettings {
  theme: PageTheme;
  fonts: FontSettings;
  /** Whether `campaigns.*` events (event hub and Strapi webhooks) carry the contact's address; ids only otherwise. */
  events: { includeEmail: boolean };
  /** Whether opens and clicks keep the client's user agent and IP address; otherwise only the machine/human verdict. */
  tracking: { storeClientDetails: boolean };
  /** Raw delivery events older than this many days are deleted (rollups and suppressions stay); null: kept. */
  retention: { rawEventDays: number | null };
  /** Whether a campaign's owner gets a mail for each person's reply (also on when the plugin option `replies.notifyOwner` is). */
  replies: { notifyOwner: boolean };
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  theme: { siteName: null, logoUrl: null, accentColor: '#4945ff', footer: null },
  fonts: { mode: 'system', stylesheetUrl: null, family: null },
  events: { includeEmail: false },
  tracking: { storeClientDetails: false },
  retention: { rawEventDays: null },
  replies: { notifyOwner: false },
};

/** GET /campaigns/settings/site: the settings as stored (defaults for what was never saved). */
export declare namespace GetSiteSettings {
  interface Response {
    data: SiteSettings;
  }
}

/** PUT /campaigns/settings/site: the whole object, every field; a 400 names each bad field and stores nothing. */
export declare namespace UpdateSiteSettings {
  interface Request {
    body: { data: SiteSettings };
  }
  interface Response {
    data: SiteSettings;
  }
}
