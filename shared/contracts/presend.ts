/** The pre-send check's API shapes (features/presend). */

/** An error stops a send or a schedule until an editor confirms it; a warning only says. */
export type FindingSeverity = 'error' | 'warning';

export const PRESEND_RULES = [
  'subject-empty',
  'subject-long',
  'subject-caps',
  'subject-spam-phrase',
  'preheader-missing',
  'html-clipped',
  'unsubscribe-missing',
  'postal-address-missing',
  'image-alt-missing',
  'image-text-ratio',
  'merge-tag-fallback',
  'link-broken',
  'link-unsafe',
  'link-unchecked',
  'link-insecure',
] as const;
export type PresendRule = (typeof PRESEND_RULES)[number];

export interface PresendFinding {
  rule: PresendRule;
  severity: FindingSeverity;
  /** What is wrong and what to do, in English. */
  message: string;
  /** Where: the field (`subject`, `preheader`, `content`, `plainText`), or `links` for a link's check. */
  part: 'subject' | 'preheader' | 'content' | 'plainText' | 'links';
  /** What it is about: the link, the image, the merge tag; null when the whole part is. */
  at: string | null;
}

export interface PresendReport {
  documentId: string;
  /** ISO 8601. */
  checkedAt: string;
  /** Whether any finding is an error. */
  blocking: boolean;
  /** Errors first. */
  findings: PresendFinding[];
  /** How many links were checked over HTTP. */
  linksChecked: number;
}

/** POST /campaigns/campaigns/:documentId/check: the campaign's content as saved, checked now. */
export declare namespace CheckCampaign {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: PresendReport;
  }
}
