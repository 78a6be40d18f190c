/**
 * The variables a campaign template may read (the server's TEMPLATE_GLOBALS and the template
 * contact), as the builder's merge-tag menu offers them. Contact fields may be empty, so the tags
 * that greet someone carry a Liquid default.
 */
export interface MergeTag {
  /** The Liquid path, also the menu's value. */
  path: string;
  /** Written after the path as `| default: '…'` (contact fields a contact may lack). */
  fallback?: string;
}

export const MERGE_TAGS: readonly MergeTag[] = [
  { path: 'contact.firstName', fallback: 'there' },
  { path: 'contact.lastName', fallback: '' },
  { path: 'contact.email' },
  { path: 'campaign.name' },
  { path: 'campaign.subject' },
  { path: 'unsubscribe_url' },
  { path: 'preferences_url' },
  { path: 'view_in_browser_url' },
  { path: 'postal_address' },
];

/** The Liquid output tag for a merge tag, as inserted into the text: `{{ contact.firstName | default: 'there' }}`. */
export const mergeTagLiquid = ({ path, fallback }: MergeTag): string =>
  fallback === undefined ? `{{ ${path} }}` : `{{ ${path} | default: '${fallback.replace(/'/g, '’')}' }}`;
