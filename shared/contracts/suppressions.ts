/** Shapes of the suppressions admin API, shared by the server and the admin page. */

export const SUPPRESSION_REASONS = ['hard-bounce', 'soft-bounce-limit', 'complaint', 'unsubscribe', 'manual', 'import', 'erased'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export const SUPPRESSION_SCOPES = ['global', 'topic'] as const;
export type SuppressionScope = (typeof SUPPRESSION_SCOPES)[number];

export interface Suppression {
  documentId: string;
  /** null after an erasure: the suppression is kept by the address's hash only. */
  email: string | null;
  reason: SuppressionReason;
  scope: SuppressionScope;
  topic: { documentId: string; name: string } | null;
  sourceEvent: string | null;
  note: string | null;
  expiresAt: string | null;
  createdAt: string;
  /** false once `expiresAt` has passed: it no longer keeps the address from any mail. */
  active: boolean;
}

/** Where and why addresses are suppressed, as an add, a paste or an import says it. */
export interface SuppressionTargetInput {
  reason?: SuppressionReason;
  scope?: SuppressionScope;
  /** The topic's documentId, with scope "topic". */
  topic?: string | null;
  note?: string | null;
  expiresAt?: string | null;
}

/** An entry of a paste or a file that is not an address. */
export interface SuppressionEntryProblem {
  /** The line of the paste, or of the file (1 is its header). */
  line: number;
  entry: string;
  reason: string;
}

/** What a paste or an import did: every valid address is suppressed in one transaction. */
export interface SuppressionBatchResult {
  /** Valid addresses read (each once). */
  received: number;
  added: number;
  /** Addresses that already had an active suppression of the same scope: the first record stays. */
  alreadySuppressed: number;
  /** Entries that repeat an earlier address of the same paste or file. */
  duplicates: number;
  invalid: SuppressionEntryProblem[];
  /** All invalid entries; `invalid` lists the first 200. */
  invalidCount: number;
}

/** A suppression an admin lifted: what it was, who lifted it, when and why. */
export interface SuppressionRemoval {
  id: number;
  suppressionDocumentId: string;
  email: string | null;
  reason: SuppressionReason;
  scope: SuppressionScope;
  topic: { documentId: string; name: string } | null;
  suppressedAt: string | null;
  expiresAt: string | null;
  note: string;
  removedBy: { id: number; name: string } | null;
  removedAt: string;
}

export interface ListSuppressionsQuery {
  page?: number;
  pageSize?: number;
  search?: string;
  reason?: SuppressionReason;
  scope?: SuppressionScope;
  /** A topic's documentId: its topic-scoped suppressions. */
  topic?: string;
  status?: 'active' | 'expired';
  sort?: 'createdAt:desc' | 'createdAt:asc';
}

export type ExportSuppressionsQuery = Omit<ListSuppressionsQuery, 'page' | 'pageSize'>;

export interface ListSuppressionRemovalsQuery {
  page?: number;
  pageSize?: number;
  search?: string;
  sort?: 'removedAt:desc' | 'removedAt:asc';
}
