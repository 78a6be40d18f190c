import type { StarterKey } from '../../../../../shared/contracts/templates';

/** A starter template, shipped with the plugin: what a campaign made from it starts with. */
export interface Starter {
  key: StarterKey;
  name: string;
  description: string;
  subject: string;
  /** What inboxes show after the subject (the campaign's preheader field, not an <mj-preview>, so it stays editable there). */
  preheader: string;
  /** MJML. */
  content: string;
}
