/** Shapes shared by the server's admin API and the admin pages. */
import type { CampaignState } from './campaign-lifecycle';
import type { CampaignSchedule } from './schedule';

export type { CampaignState };

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface SegmentRef {
  documentId: string;
  name: string;
}

/** People's unique opens and clicks over delivered; null while nothing was delivered. */
export interface CampaignRates {
  open: number | null;
  click: number | null;
}

export interface CampaignSummary {
  documentId: string;
  name: string;
  subject: string | null;
  state: CampaignState;
  sendAt: string | null;
  segment: SegmentRef | null;
  /** Contacts it was sent to (its deliveries) once sending started; null while it has not. */
  sentTo: number | null;
  /** When its send started (ISO 8601); null while it has not. */
  sentAt: string | null;
  /** People's open and click rates over delivered, as its report gives them; null while it has not been sent. */
  rates: CampaignRates | null;
  /** Mailable contacts the segment selects now (subscribed, not suppressed); null without a segment, and in lists for a campaign already sent (`sentTo` is its audience then). */
  audienceSize: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Why the system paused a campaign (the `halt` and `miss` moves): what its page shows until a resume clears it. */
export const PAUSE_CAUSES = ['complaint-rate', 'hard-bounce-rate', 'template-error', 'missed-time', 'not-ready'] as const;
export type PauseCause = (typeof PAUSE_CAUSES)[number];

export interface CampaignPauseReason {
  cause: PauseCause;
  /** What the log said, in English (the template's error, the rate against its limit). */
  message: string;
  /** When it was paused, ISO 8601. */
  at: string;
  /** For a rate: the rate (a fraction), the limit it passed, and the deliveries it was measured on. */
  rate?: { value: number; limit: number; count: number; sent: number };
}

export interface Campaign extends CampaignSummary {
  preheader: string | null;
  fromName: string | null;
  fromEmail: string | null;
  replyTo: string | null;
  contentFormat: 'mjml' | 'blocks';
  content: string | null;
  plainText: string | null;
  timezoneMode: 'fixed' | 'recipient-local';
  /** The schedule an editor set (kept when it is unscheduled, for the panel to offer again); `sendAt` is when it starts. */
  schedule: CampaignSchedule | null;
  topic: { documentId: string; name: string } | null;
  /** Why the system paused it, while it is paused for that reason; null otherwise. */
  pauseReason: CampaignPauseReason | null;
}

export interface ListCampaignsQuery {
  page?: number;
  pageSize?: number;
  search?: string;
  state?: CampaignState;
  sort?: 'name:asc' | 'name:desc' | 'updatedAt:desc' | 'updatedAt:asc' | 'sendAt:asc' | 'sendAt:desc';
}

export interface ListResponse<T> {
  data: T[];
  meta: { pagination: Pagination };
}

/** What the editor saves: the editable fields, `null` to clear one; the segment by documentId. */
export type CampaignInput = Partial<
  Pick<Campaign, 'name' | 'subject' | 'preheader' | 'fromName' | 'fromEmail' | 'replyTo' | 'content' | 'plainText'> & {
    segment: string | null;
  }
>;

/** GET /campaigns/campaigns */
export declare namespace GetCampaigns {
  interface Request {
    query: ListCampaignsQuery;
  }
  type Response = ListResponse<CampaignSummary>;
}

/** GET /campaigns/campaigns/:documentId */
export declare namespace GetCampaign {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: Campaign;
  }
}

/** POST /campaigns/campaigns */
export declare namespace CreateCampaign {
  interface Request {
    /**
     * A name, and optionally the rest (a campaign made from a site entry comes with its content).
     * `template`: a starter (`starter:<key>`) or a saved template's documentId, whose subject, preheader and content it starts with.
     */
    body: { data: CampaignInput & { name: string; template?: string } };
  }
  interface Response {
    data: Campaign;
  }
}

/** PUT /campaigns/campaigns/:documentId: a rename sends the name alone. */
export declare namespace UpdateCampaign {
  interface Request {
    params: { documentId: string };
    body: { data: CampaignInput };
  }
  interface Response {
    data: Campaign;
  }
}

/**
 * POST /campaigns/campaigns/:documentId/duplicate: a new draft named "<name> (copy)" with the
 * campaign's subject, preheader, sender, content, segment and topic; none of its deliveries, send
 * record, schedule or results. 201, or 404 for an unknown campaign.
 */
export declare namespace DuplicateCampaign {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: Campaign;
  }
}

/** DELETE /campaigns/campaigns/:documentId */
export declare namespace DeleteCampaign {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: unknown;
  }
}

export interface ErrorResponse {
  data: null;
  error: { status: number; name: string; message: string; details?: unknown };
}
