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
