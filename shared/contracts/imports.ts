/** Shapes of the contact import and export API, shared by the server and the admin pages. */
import type { ListResponse } from './campaigns';

export type ImportState = 'queued' | 'running' | 'done' | 'failed';

export type ImportDelimiter = ',' | ';' | '\t' | '|';

/** What a column of the file becomes; `attribute:<name>` stores it in the contact's attributes. */
export type ImportTarget = 'email' | 'firstName' | 'lastName' | 'timezone' | 'locale' | 'ignore' | `attribute:${string}`;

export interface ImportOptions {
  /** Detected from the file when left out. */
  delimiter?: ImportDelimiter;
  /** Header column -> target; columns left out are ignored. Exactly one column maps to email. */
  mapping: Record<string, ImportTarget>;
  /** Topic documentIds every imported contact joins. */
  topics?: string[];
  /** Whether contacts that already exist get the file's values (empty cells change nothing). */
  updateExisting?: boolean;
  /** How these people agreed to receive mail; stored on every contact the import creates. */
  consent: { source: string; text?: string | null };
}

export interface ImportPreview {
  fileName: string;
  size: number;
  delimiter: ImportDelimiter;
  columns: string[];
  /** The first 10 data rows, as read. */
  rows: string[][];
  suggestedMapping: Record<string, ImportTarget>;
}

export interface ImportCounters {
  /** Data rows read so far: created + updated + duplicates + rejected + suppressed. */
  rowsRead: number;
  created: number;
  updated: number;
  /** Rows whose address came earlier in the file, or that match an existing contact left as it was. */
  duplicates: number;
  /** Invalid rows, and rows of an erased address (GDPR); each is listed in the report with its reason. */
  rejected: number;
  /** Rows imported (created or updated) whose address is on the suppression list: never mailed. */
  suppressed: number;
}

export interface Import {
  id: number;
  state: ImportState;
  fileName: string;
  size: number;
  options: ImportOptions & { delimiter: ImportDelimiter };
  counters: ImportCounters;
  /** Data rows committed: where a retried job resumes. */
  rowsCommitted: number;
  bytesRead: number;
  /** 0-100, by bytes of the file read. */
  progress: number;
  error: string | null;
  /** Whether GET /campaigns/imports/:id/report has a CSV to download. */
  hasReport: boolean;
  createdBy: number | null;
  /** The name (or email) of the admin who started it; null when unknown or deleted since. */
  createdByName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ListImportsQuery {
  page?: number;
  pageSize?: number;
  state?: ImportState;
  /** Part of the file name, any case. */
  search?: string;
  sort?: 'createdAt:desc' | 'createdAt:asc';
}

/** GET /campaigns/imports: the import history, newest first. */
export declare namespace GetImports {
  interface Request {
    query: ListImportsQuery;
  }
  type Response = ListResponse<Import>;
}

/** GET /campaigns/imports/:id */
export declare namespace GetImport {
  interface Request {
    params: { id: number };
  }
  interface Response {
    data: Import;
  }
}

/** POST /campaigns/imports/preview, multipart: the file's header and first rows; nothing is kept. */
export declare namespace PreviewImport {
  interface Request {
    body: { file: File };
  }
  interface Response {
    data: ImportPreview;
  }
}

/** POST /campaigns/imports, multipart: the file and its options (JSON); answers 202 with the queued import. */
export declare namespace CreateImport {
  interface Request {
    body: { file: File; options: ImportOptions };
  }
  interface Response {
    data: Import;
  }
}

/** GET /campaigns/imports/:id/report: the rejected rows as CSV, each with its reason. */
export declare namespace GetImportReport {
  interface Request {
    params: { id: number };
  }
  type Response = Blob;
}
