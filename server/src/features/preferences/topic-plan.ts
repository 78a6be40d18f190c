/** One topic as the preference page sees it for one contact. */
export interface TopicStanding {
  id: number;
  documentId: string;
  slug: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  /** The contact is linked to the topic. */
  member: boolean;
  /** The address has an active topic-scoped suppression of it: the topic's campaigns skip it. */
  suppressed: boolean;
}

/** Ticked on the page: the topic's campaigns reach the contact. */
export const receives = (topic: TopicStanding) => topic.member && !topic.suppressed;

/** What the page offers: the topics the contact belongs to, and the public ones it could join. */
export const offered = (topics: readonly TopicStanding[]) => topics.filter((t) => t.member || t.isPublic);

export interface TopicPlan {
  /** Link the contact to these. */
  join: TopicStanding[];
  /** Lift the address's topic suppressions of these: the person's own yes. */
  lift: TopicStanding[];
  /** Unlink the contact from these. */
  leave: TopicStanding[];
  /** Write a topic suppression of these, so their campaigns stop even if an import links the contact again. */
  suppress: TopicStanding[];
}

export type TopicPlanResult = { ok: true; plan: TopicPlan } | { ok: false; refused: string[] };

/**
 * The changes that make the offered topics match the wanted set (documentIds). A wanted topic the
 * page does not offer (private and not the contact's, or no topic at all) refuses the whole form:
 * nothing is applied. A topic the contact leaves is also suppressed for its address; one it never
 * joined and does not want stays as it is.
 */
export const planTopics = (topics: readonly TopicStanding[], wanted: readonly string[]): TopicPlanResult => {
  const choices = offered(topics);
  const byDocumentId = new Map(choices.map((t) => [t.documentId, t]));
  const refused = wanted.filter((documentId) => !byDocumentId.has(documentId));
  if (refused.length) return { ok: false, refused };
  const want = new Set(wanted);
  const plan: TopicPlan = { join: [], lift: [], leave: [], suppress: [] };
  for (const topic of choices) {
    if (want.has(topic.documentId)) {
      if (!topic.member) plan.join.push(topic);
      if (topic.suppressed) plan.lift.push(topic);
    } else if (topic.member) {
      plan.leave.push(topic);
      if (!topic.suppressed) plan.suppress.push(topic);
    }
  }
  return { ok: true, plan };
};

/** The slugs a `campaigns.topics.change` event names: topics now received that were not, and topics left. */
export const topicChange = (plan: TopicPlan) => ({
  joined: [...new Set([...plan.join, ...plan.lift].map((t) => t.slug))],
  left: plan.leave.map((t) => t.slug),
});

export const isEmptyPlan = (plan: TopicPlan) => !plan.join.length && !plan.lift.length && !plan.leave.length && !plan.suppress.length;
