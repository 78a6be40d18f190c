import type { ListResponse } from './campaigns';

/** Topic shapes shared by the server's admin API and the admin pages. */
export interface Topic {
  documentId: string;
  name: string;
  slug: string;
  description: string | null;
  isPublic: boolean;
}

/** A topic as the list answers it, with how many contacts joined it. */
export interface TopicListItem extends Topic {
  /** Contacts in the topic, whatever their state. */
  members: number;
  /** Of those, the ones whose state is `subscribed`. */
  subscribedMembers: number;
}

export interface TopicInput {
  name: string;
  description?: string | null;
  isPublic?: boolean;
}

export interface ListTopicsQuery {
  page?: number;
  pageSize?: number;
  /** Part of the name, any case. */
  search?: string;
  sort?: 'name:asc';
}

/** GET /campaigns/topics: one page of topics with their member counts. */
export declare namespace GetTopics {
  interface Request {
    query: ListTopicsQuery;
  }
  type Response = ListResponse<TopicListItem>;
}

/** POST /campaigns/topics */
export declare namespace CreateTopic {
  interface Request {
    body: { data: TopicInput };
  }
  interface Response {
    data: Topic;
  }
}

/** PUT /campaigns/topics/:documentId */
export declare namespace UpdateTopic {
  interface Request {
    params: { documentId: string };
    body: { data: Partial<TopicInput> };
  }
  interface Response {
    data: Topic;
  }
}

/** DELETE /campaigns/topics/:documentId: its members leave it; the contacts stay. */
export declare namespace DeleteTopic {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: { documentId: string };
  }
}
