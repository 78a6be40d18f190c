import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../../constants';
import type { TrackedDelivery } from '../tracking/lookups';
import { contactTables } from '../audience/contacts/contact-tables';
import { addTopicLinks, removeTopicLinks } from '../audience/contacts/topic-links';
import {
  active,
  addressHash,
  SUPPRESSION_FIELDS,
  type Announce,
  type ContactRow,
  type RecipientRecords,
  type SuppressionRow,
} from './recipient-records';
import { topicChange, type TopicPlan, type TopicStanding } from './topic-plan';

/** The preference page's topics: what a contact belongs to and could join, and the change a save makes. */
export const createTopicChanges = (strapi: Core.Strapi, records: RecipientRecords) => ({
  /** The public topics and the contact's own, each with whether they are a member and whether their address is suppressed for it. */
  async standings(contactId: number, emailHash: string): Promise<TopicStanding[]> {
    const topics: Array<Omit<TopicStanding, 'member' | 'suppressed'>> = await strapi.db.query(UID.topic).findMany({
      where: { $or: [{ isPublic: true }, { contacts: { id: contactId } }] },
      select: ['id', 'documentId', 'slug', 'name', 'description', 'isPublic'],
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    const members: Array<{ id: number }> = await strapi.db
      .query(UID.topic)
      .findMany({ where: { contacts: { id: contactId } }, select: ['id'] });
    const topicSuppressions: Array<{ topic: { id: number } | null }> = await records.suppressions().findMany({
      where: { emailHash, scope: 'topic', ...active() },
      select: ['id'],
      populate: { topic: { select: ['id'] } },
    });
    const member = new Set(members.map((t) => t.id));
    const suppressed = new Set(topicSuppressions.flatMap((s) => (s.topic ? [s.topic.id] : [])));
    return topics.map((t) => ({ ...t, description: t.description ?? null, member: member.has(t.id), suppressed: suppressed.has(t.id) }));
  },

  /** Links and suppressions as the plan says, in the caller's transaction. */
  async apply(trx: Knex.Transaction, delivery: TrackedDelivery, contact: ContactRow, plan: TopicPlan, announce: Announce) {
    const tables = contactTables(strapi);
    const emailHash = addressHash(delivery.email);
    if (plan.join.length)
      await addTopicLinks(
        trx,
        tables,
        [contact.id],
        plan.join.map((t) => t.id)
      );
    if (plan.leave.length)
      await removeTopicLinks(
        trx,
        tables,
        [contact.id],
        plan.leave.map((t) => t.id)
      );
    for (const topic of plan.suppress) {
      const created: SuppressionRow = await records.suppressionDocuments().create({
        data: {
          email: delivery.email,
          emailHash,
          reason: 'unsubscribe',
          scope: 'topic',
          topic: topic.documentId,
          sourceEvent: `preferences:${delivery.id}`,
        },
      });
      announce(['campaigns.suppression.create', records.aboutSuppression(created, topic.documentId)]);
    }
    for (const topic of plan.lift) {
      // Only the person's own no: a topic suppression an editor or an import wrote stays.
      const rows: SuppressionRow[] = await records.suppressions().findMany({
        where: { emailHash, scope: 'topic', reason: 'unsubscribe', topic: { id: topic.id } },
        select: SUPPRESSION_FIELDS,
      });
      for (const row of rows)
        announce(
          await records.lift(
            trx,
            row,
            { documentId: topic.documentId, name: topic.name },
            'the recipient chose the topic again on the preference page'
          )
        );
    }
    await trx(tables.contacts)
      .where('id', contact.id)
      .update({ [tables.columns.updatedAt]: new Date() });
    const { joined, left } = topicChange(plan);
    announce([
      'campaigns.topics.change',
      { contactId: contact.id, contactDocumentId: contact.documentId, email: delivery.email, origin: 'recipient', joined, left },
    ]);
  },
});
