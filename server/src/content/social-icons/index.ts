import { SOCIAL_ICONS } from './icons';

const PNGS = new Map(Object.entries(SOCIAL_ICONS).map(([name, base64]) => [`${name}.png`, Buffer.from(base64, 'base64')]));

/**
 * The PNG of an icon file name as MJML's mj-social-element writes it (`facebook.png`,
 * `twitter-x.png`), or null for any other name: the plugin serves these (features/tracking) in
 * place of Mailjet's (shared/social-icons.ts).
 */
export const socialIconPng = (file: string): Buffer | null => PNGS.get(file) ?? null;
