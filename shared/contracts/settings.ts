/** GET /campaigns/settings: the effective configuration without secrets, and the queues' health. */
export interface AudienceSourceSummary {
  uid: string;
  emailField: string;
  /** Contact field -> the source's field. */
  fields: Record<string, string>;
  topics: string[];
  mirrorDeletes: 'delete' | 'unsubscribe';
}

export interface QueueHealth {
  name: string;
  workers: number;
  /** BullMQ's job counts by state: waiting, active, delayed, failed. */
  counts: Record<string, number>;
}

/** An option a bulk sender is expected to set, missing from this site's configuration. */
export type ConfigWarning = 'dkim-missing' | 'postal-address-missing';

/** What the inbound pipeline does with each class of notice (`inbound.policy`). */
export interface InboundPolicy {
  hardBounce: 'suppress' | 'ignore';
  /** Soft bounces on `count` distinct campaigns within `windowDays` suppress the address for `suppressDays` (0: until lifted). */
  softBounce: { action: 'suppress' | 'ignore'; count: number; windowDays: number; suppressDays: number };
  complaint: 'suppress' | 'ignore';
  unsubscribeRequest: 'unsubscribe' | 'ignore';
}

/** When a sending campaign is paused for its rates (`inbound.rateGuard`); rates are fractions (0.003 is 0.3%). */
export interface RateGuardSettings {
  enabled: boolean;
  minDeliveries: number;
  complaintRate: number;
  hardBounceRate: number;
}

export interface Settings {
  redis: { connection: string; prefix: string };
  smtp: { host: string; port: number; secure: boolean; user: string | null; pool: boolean; maxConnections: number };
  publicUrl: string | null;
  signingSecretSet: boolean;
  /** The DKIM signing domain and selector (never the key), or null when messages go out unsigned. */
  dkim: { domainName: string; keySelector: string } | null;
  postalAddress: string | null;
  warnings: ConfigWarning[];
  workerMode: 'in-process' | 'dedicated' | 'off';
  rateLimits: { messagesPerSecond: number; perDomain: Record<string, number> };
  audienceSources: AudienceSourceSummary[];
  inbound: { policy: InboundPolicy; rateGuard: RateGuardSettings };
  health: { redisLatencyMs: number; workersInThisProcess: number; queues: QueueHealth[] };
}

/** POST /campaigns/audience-sources/backfill: what the backfill did, in all and per source. */
export interface BackfillCounts {
  /** Source rows read. */
  scanned: number;
  created: number;
  updated: number;
  /** Contacts that existed with the entry's address and are now linked to it. */
  linked: number;
  /** Entries with no usable address, or whose address belongs to another source's contact. */
  skipped: number;
  /** Linked contacts whose entry is gone, deleted or unsubscribed (option mirrorDeletes). */
  removed: number;
}

export type BackfillResult = BackfillCounts & { sources: Array<BackfillCounts & { uid: string }> };

/** GET /campaigns/settings */
export declare namespace GetSettings {
  interface Response {
    data: Settings;
  }
}

/** POST /campaigns/audience-sources/backfill: one source by uid, or every source. */
export declare namespace BackfillAudienceSources {
  interface Request {
    body: { data: { uid?: string } };
  }
  interface Response {
    data: BackfillResult;
  }
}
