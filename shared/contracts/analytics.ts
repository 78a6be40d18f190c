/** The analytics admin API shapes: a campaign's report, from its live counters (features/analytics). */
import type { RuleGroup } from './segments';

/** Every occurrence, and the deliveries it happened on (each counted once). */
export interface Engagement {
  total: number;
  unique: number;
}

/** Rates over their own denominators, null while the denominator is 0. */
export interface ReportRates {
  /** People's unique opens over delivered. */
  open: number | null;
  /** People's unique clicks over delivered. */
  click: number | null;
  /** People's unique clicks over their unique opens. */
  clickToOpen: number | null;
  /** Bounces over sent. */
  bounce: number | null;
  /** Complaints over delivered. */
  complaint: number | null;
  /** Unsubscribes over delivered. */
  unsubscribe: number | null;
}

export interface ReportFigures {
  /** Messages attempted: the deliveries sent or failed. */
  sent: number;
  /** Of which failed: refused when sending, or failed by a hard bounce since. */
  failed: number;
  /** What providers reported as delivered; `delivered` is this, or the deliveries still sent where none reports. */
  deliveredReported: number;
  delivered: number;
  bounces: { hard: number; soft: number };
  complaints: number;
  unsubscribes: number;
  resubscribes: number;
  replies: Engagement;
  opens: { human: Engagement; machine: Engagement };
  clicks: { human: Engagement; machine: Engagement };
  rates: ReportRates;
}

export interface ReportPoint {
  /** The start of the hour (or of the day, past the first 7 days), ISO 8601 UTC. */
  at: string;
  opens: number;
  clicks: number;
  machineOpens: number;
  machineClicks: number;
}

export interface CampaignReport extends ReportFigures {
  documentId: string;
  /** The campaign's deliveries by state now, as the send progress counts them. */
  audience: { targeted: number; queued: number; sending: number; suppressed: number; unknown: number; cancelled: number };
  /** The same figures per A/B variant ('' when the campaign has none). */
  variants: Array<{ variant: string } & ReportFigures>;
  bouncesByReason: Array<{ reason: string; count: number }>;
  /** People's clicks per link, most first, and the deliveries whose reader clicked it (each once). */
  links: Array<{ linkId: number; url: string | null; clicks: number; uniqueClicks: number }>;
  /** Per hour for the first 7 days from the first counted hour, then per day. */
  series: ReportPoint[];
}

/** GET /campaigns/campaigns/:documentId/report */
export declare namespace GetCampaignReport {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: CampaignReport;
  }
}

/**
 * The figures of a report whose contacts can be opened and saved as a segment: people's opens and
 * clicks (a machine's never count), one link's clickers, and bounces by kind.
 */
export const REPORT_FIGURES = ['opened', 'notOpened', 'clicked', 'notClicked', 'clickedLink', 'bouncedHard', 'bouncedSoft'] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

/** The segment rules that select a figure's contacts, and a name for them. */
export interface FigureSegment {
  figure: ReportFigure;
  linkId: number | null;
  name: string;
  rules: RuleGroup;
}

/** GET /campaigns/campaigns/:documentId/report/segment?figure=<figure>[&linkId=<id>] */
export declare namespace GetFigureSegment {
  interface Request {
    params: { documentId: string };
    query: { figure: ReportFigure; linkId?: string };
  }
  interface Response {
    data: FigureSegment;
  }
}
