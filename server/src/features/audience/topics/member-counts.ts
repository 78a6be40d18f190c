import type { Core } from '@strapi/strapi';
import { contactTables } from '../contacts/contact-tables';

export interface MemberCounts {
  members: number;
  subscribedMembers: number;
}

const NONE: MemberCounts = { members: 0, subscribedMembers: 0 };

/**
 * Members of each topic (by topic row id) in one grouped query on the contacts <-> topics link
 * table, so a page of topics costs one query however many contacts they hold.
 */
export const memberCounts = async (strapi: Core.Strapi, topicIds: readonly number[]) => {
  const counts = new Map<number, MemberCounts>();
  if (topicIds.length === 0) return (id: number) => counts.get(id) ?? NONE;
  const { contacts, links, columns } = contactTables(strapi);
  const knex = strapi.db.connection;
  const topic = `${links.table}.${links.topic}`;
  const rows: Array<{ topic: number | string; members: number | string; subscribed: number | string | null }> = await knex(links.table)
    .join(contacts, `${contacts}.id`, `${links.table}.${links.contact}`)
    .whereIn(topic, topicIds as number[])
    .groupBy(topic)
    .select({ topic })
    .count({ members: '*' })
    .select(knex.raw(`SUM(CASE WHEN ??.?? = ? THEN 1 ELSE 0 END) AS subscribed`, [contacts, columns.state, 'subscribed']));
  // PostgreSQL answers COUNT and SUM as strings (bigint/numeric).
  for (const row of rows) counts.set(Number(row.topic), { members: Number(row.members), subscribedMembers: Number(row.subscribed ?? 0) });
  return (id: number) => counts.get(id) ?? NONE;
};
