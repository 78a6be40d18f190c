import type { ListResponse } from './campaigns';
import type { ReplyClass } from './replies';

/** Contact states, shared by the server's schema checks and the admin's pickers. */
export const CONTACT_STATES = ['subscribed', 'unsubscribed', 'bounced', 'complained'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];

/** How and when a contact agreed to receive mail: kept for every subscribe. */
export interface ContactConsent {
  source: string;
  at: string;
  ip?: string | null;
  text?: string | null;
}

export interface ContactTopic {
  documentId: string;
  name: string;
}

export interface Contact {
  documentId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  attributes: Record<string, unknown> | null;
  timezone: string | null;
  locale: string | null;
  state: ContactState;
  stateChangedAt: string | null;
  consent: ContactConsent | null;
  source: string | null;
  topics: ContactTopic[];
  createdAt: string;
  updatedAt: string;
}

export interface ListContactsQuery {
  page?: number;
  pageSize?: number;
  search?: string;
  state?: ContactState;
  /** A topic documentId: only its members. */
  topic?: string;
  /** Exact `source` of the contacts, e.g. `api` or `import:12`. */
  source?: string;
  sort?: 'createdAt:desc' | 'createdAt:asc' | 'email:asc' | 'email:desc';
}

export const CONTACT_BULK_ACTIONS = ['delete', 'addTopics', 'removeTopics', 'unsubscribe'] as const;
export type ContactBulkAction = (typeof CONTACT_BULK_ACTIONS)[number];
export const MAX_BULK_CONTACTS = 1000;

/** Body `data` of POST /campaigns/contacts/bulk; `topics` only with addTopics and removeTopics. */
export type ContactBulkRequest =
  | { action: 'delete' | 'unsubscribe'; documentIds: string[] }
  | { action: 'addTopics' | 'removeTopics'; documentIds: string[]; topics: string[] };

/** `changed` + `unchanged` = `requested` (distinct ids): a contact already in that state or topic is unchanged. */
export interface ContactBulkResult {
  action: ContactBulkAction;
  requested: number;
  changed: number;
  unchanged: number;
}

/** The states an admin may set; bounced and complained come only from delivery events. */
export const ADMIN_SETTABLE_STATES = ['subscribed', 'unsubscribed'] as const;

/** Body `data` of POST /campaigns/contacts/:documentId/state. A resubscribe needs the consent. */
export interface ContactStateRequest {
  state: (typeof ADMIN_SETTABLE_STATES)[number];
  consent?: { source: string; text: string };
}

export interface ContactActivityCampaign {
  documentId: string;
  name: string;
}

export interface ContactDelivery {
  id: number;
  /** null when the campaign has been deleted since. */
  campaign: ContactActivityCampaign | null;
  variant: string;
  state: string;
  queuedAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
  firstOpenAt: string | null;
  firstClickAt: string | null;
  firstReplyAt: string | null;
  lastError: string | null;
}

export interface ContactEvent {
  id: number;
  type: string;
  occurredAt: string | null;
  campaign: ContactActivityCampaign | null;
  source: string;
  isBot: boolean;
  /** The event's JSON data, or its raw text when it is not JSON. */
  data: unknown;
  /** The URL a tracked click went to (its data holds only the link's id); null for other events. */
  linkUrl: string | null;
  /**
   * For a reply the contact sent (type `reply`, read from the replies inbox, `id` is the reply's):
   * its class and the start of its text. Null for the other events.
   */
  reply: { id: number; class: ReplyClass; snippet: string } | null;
}

export interface ListContactActivityQuery {
  deliveriesPage?: number;
  deliveriesPageSize?: number;
  /** The `nextBefore` of the previous answer: the events older than the last one shown. */
  eventsBefore?: string;
  eventsLimit?: number;
}

export interface ContactActivityResponse {
  data: { deliveries: ContactDelivery[]; events: ContactEvent[] };
  meta: {
    deliveries: { page: number; pageSize: number; pageCount: number; total: number };
    events: { limit: number; nextBefore: string | null };
  };
}

/** A key of a contact's `attributes` (and of an import's `attribute:<name>` target). */
export const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** What the contact forms send: the editable fields, `null` to clear one. */
export type ContactInput = Partial<Pick<Contact, 'email' | 'firstName' | 'lastName' | 'locale' | 'timezone' | 'attributes'>> & {
  topics?: string[];
  consent?: { source: string; text?: string | null };
};

/** The contacts an export holds: a segment's mailable audience, a state, a topic; everyone without. */
export interface ExportContactsQuery {
  segment?: string;
  state?: string;
  topic?: string;
}

/** GET /campaigns/contacts: one page of contacts. */
export declare namespace GetContacts {
  interface Request {
    query: ListContactsQuery;
  }
  type Response = ListResponse<Contact>;
}

/** GET /campaigns/contacts/:documentId */
export declare namespace GetContact {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: Contact;
  }
}

/** POST /campaigns/contacts: a subscribed contact, with its consent. */
export declare namespace CreateContact {
  interface Request {
    body: { data: ContactInput };
  }
  interface Response {
    data: Contact;
  }
}

/** PUT /campaigns/contacts/:documentId: its own fields and topics (not its state). */
export declare namespace UpdateContact {
  interface Request {
    params: { documentId: string };
    body: { data: ContactInput };
  }
  interface Response {
    data: Contact;
  }
}

/** DELETE /campaigns/contacts/:documentId */
export declare namespace DeleteContact {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: { documentId: string };
  }
}

/** POST /campaigns/contacts/:documentId/state: unsubscribe, or resubscribe with a fresh consent. */
export declare namespace SetContactState {
  interface Request {
    params: { documentId: string };
    body: { data: ContactStateRequest };
  }
  interface Response {
    data: Contact;
  }
}

/** POST /campaigns/contacts/bulk: one action on up to MAX_BULK_CONTACTS contacts. */
export declare namespace BulkContacts {
  interface Request {
    body: { data: ContactBulkRequest };
  }
  interface Response {
    data: ContactBulkResult;
  }
}

/** GET /campaigns/contacts/:documentId/activity: a page of deliveries and a run of events. */
export declare namespace GetContactActivity {
  interface Request {
    params: { documentId: string };
    query: ListContactActivityQuery;
  }
  type Response = ContactActivityResponse;
}

/** GET /campaigns/contacts/export: a CSV file (Content-Disposition names it). */
export declare namespace ExportContacts {
  interface Request {
    query: ExportContactsQuery;
  }
  type Response = Blob;
}
