import type { ListResponse } from './campaigns';

/** The segment rule tree as the server validates it (server/src/features/audience/segments/rules.ts) and the builder edits it. */
export type Match = 'all' | 'any';

export interface Condition {
  field: string;
  operator: string;
  value?: unknown;
  path?: string;
  activity?: string;
  campaign?: string;
  withinDays?: number;
  linkId?: number;
  bounce?: 'hard' | 'soft';
}

export interface RuleGroup {
  match: Match;
  rules: Array<Condition | RuleGroup>;
}

export interface Segment {
  documentId: string;
  name: string;
  description: string | null;
  rules: RuleGroup;
  createdAt: string;
  updatedAt: string;
}

export interface AudienceContact {
  id: number;
  documentId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  /** Their IANA time zone, when they gave one: a recipient-local send goes at their wall-clock time. */
  timezone: string | null;
}

/** The topics and campaigns the builder's pickers offer (GET /campaigns/segments/choices). */
export interface RuleChoices {
  topics: Array<{ documentId: string; name: string }>;
  campaigns: Array<{ documentId: string; name: string; state: string }>;
}

/** What the segment forms save. */
export interface SegmentInput {
  name: string;
  rules: RuleGroup;
}

/** GET /campaigns/segments */
export declare namespace GetSegments {
  interface Request {
    query: { page?: number; pageSize?: number; sort?: 'name:asc' | 'name:desc' | 'updatedAt:desc' | 'updatedAt:asc' };
  }
  type Response = ListResponse<Segment>;
}

/** GET /campaigns/segments/:documentId */
export declare namespace GetSegment {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: Segment;
  }
}

/** POST /campaigns/segments */
export declare namespace CreateSegment {
  interface Request {
    body: { data: SegmentInput };
  }
  interface Response {
    data: Segment;
  }
}

/** PUT /campaigns/segments/:documentId */
export declare namespace UpdateSegment {
  interface Request {
    params: { documentId: string };
    body: { data: SegmentInput };
  }
  interface Response {
    data: Segment;
  }
}

/** POST /campaigns/segments/count: how many contacts a rule tree can mail now. */
export declare namespace CountAudience {
  interface Request {
    body: { data: { rules: RuleGroup } };
  }
  interface Response {
    data: { count: number };
  }
}

/** POST /campaigns/segments/preview: the first contacts a rule tree selects. */
export declare namespace PreviewAudience {
  interface Request {
    body: { data: { rules: RuleGroup } };
  }
  interface Response {
    data: AudienceContact[];
  }
}

/** GET /campaigns/segments/choices: `include` names old campaigns the pickers must still label. */
export declare namespace GetRuleChoices {
  interface Request {
    query: { include?: string };
  }
  interface Response {
    data: RuleChoices;
  }
}

export const isGroup = (rule: Condition | RuleGroup): rule is RuleGroup => 'match' in rule;
