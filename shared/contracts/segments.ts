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
}

/** The topics and campaigns the builder's pickers offer (GET /campaigns/segments/choices). */
export interface RuleChoices {
  topics: Array<{ documentId: string; name: string }>;
  campaigns: Array<{ documentId: string; name: string; state: string }>;
}

export const isGroup = (rule: Condition | RuleGroup): rule is RuleGroup => 'match' in rule;
