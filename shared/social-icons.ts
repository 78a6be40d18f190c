/** Where MJML's mj-social-element takes a network's icon when the editor set no `src`: Mailjet's site. */
export const MJML_SOCIAL_ICON_BASE = 'https://www.mailjet.com/images/theme/v1/icons/ico-social/';

/** The plugin's own copies of those icons, a public route under Strapi's content API prefix (features/tracking). */
export const SOCIAL_ICON_PATH = '/api/campaigns/social/';

/**
 * `html` with MJML's default icons taken from the site (`siteUrl`, its origin or public URL; a
 * relative path without one) instead of Mailjet: otherwise every preview in the admin, every web
 * view and every reader's mail client would ask a third party for them. An icon the editor chose
 * (`src=`) has another address and stays.
 */
export const withOwnSocialIcons = (html: string, siteUrl?: string | null) =>
  html.split(MJML_SOCIAL_ICON_BASE).join(`${(siteUrl ?? '').replace(/\/+$/, '')}${SOCIAL_ICON_PATH}`);
