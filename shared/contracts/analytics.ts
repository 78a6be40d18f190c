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
  /** Complaints per feedback type (abuse, fraud, other...; `unspecified` when the report names none). */
  complaintsByReason: Array<{ reason: string; count: number }>;
  /**
   * The readers (people's first opens, each delivery once) per mail client family (Outlook, Apple
   * Mail, Gmail, Thunderbird, or the browser of a webmail: Chrome, Firefox...) and per device
   * (desktop, mobile, tablet), most first; `unknown` when the open said nothing of its client (a
   * provider's webhook, a client that sends no User-Agent the parser knows).
   */
  clients: Array<{ client: string; count: number }>;
  devices: Array<{ device: string; count: number }>;
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

/** How many recipient domains a domain report lists; the rest are summed as one row. */
export const DOMAIN_REPORT_LIMIT = 20;

/** One recipient domain's figures (people's opens and clicks, each delivery once). */
export interface DomainFigures {
  /** Messages the domain's mail servers accepted (sent, bounced since or not); null while the campaign still sends. */
  sent: number | null;
  uniqueOpens: number;
  uniqueClicks: number;
  hardBounces: number;
  softBounces: number;
  complaints: number;
  unsubscribes: number;
  /** Over `sent`, null while it is not counted or is 0. */
  rates: { open: number | null; click: number | null; bounce: number | null; complaint: number | null };
}

/**
 * A campaign's figures per recipient domain (the part of the address after its `@`, lower-cased;
 * `''` for addresses erased since). The domains' events are counted as they land; what each domain
 * accepted is counted once the campaign is over, so `counted` is false while it sends and the
 * domains are ranked by people's opens, and by `sent` after.
 */
export interface DomainReport {
  documentId: string;
  counted: boolean;
  /** How many domains the campaign has figures for. */
  total: number;
  /** The first DOMAIN_REPORT_LIMIT domains, most first. */
  domains: Array<{ domain: string } & DomainFigures>;
  /** Every other domain summed, null when there are none. */
  others: (DomainFigures & { domains: number }) | null;
}

/** GET /campaigns/campaigns/:documentId/report/domains */
export declare namespace GetDomainReport {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: DomainReport;
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

/** The dashboard's periods: the last 30 or 90 days of sends. */
export const DASHBOARD_DAYS = [30, 90] as const;
export type DashboardDays = (typeof DASHBOARD_DAYS)[number];

/**
 * The lines complaint and hard-bounce rates are drawn against: the large mailbox providers (Gmail's
 * and Yahoo's sender rules) ask senders to stay under 0.1% of complaints and never reach 0.3%.
 */
export const DASHBOARD_LINES = { warning: 0.001, limit: 0.003 } as const;

/** How many days of a campaign's opens its sparkline shows, from the day it was sent. */
export const SPARKLINE_DAYS = 14;

/** One campaign sent in the period, with its figures (people's only in the rates). */
export interface DashboardCampaign extends ReportFigures {
  documentId: string;
  name: string;
  /** The campaign's state: `sending` while it still goes out. */
  state: string;
  /** When its send started, ISO 8601. */
  sentAt: string;
  /** Hard bounces over sent. */
  hardBounceRate: number | null;
  /** People's opens per day, from the day it was sent (UTC days), SPARKLINE_DAYS at most. */
  daily: number[];
}

export interface Dashboard {
  days: DashboardDays;
  /** The period: sends started from `from` up to `to`, ISO 8601. */
  from: string;
  to: string;
  /** Every campaign of the period together. */
  totals: ReportFigures & { campaigns: number; hardBounceRate: number | null };
  /** Newest first. */
  campaigns: DashboardCampaign[];
}

/** GET /campaigns/analytics/dashboard?days=30|90 */
export declare namespace GetDashboard {
  interface Request {
    query: { days?: string };
  }
  interface Response {
    data: Dashboard;
  }
}
