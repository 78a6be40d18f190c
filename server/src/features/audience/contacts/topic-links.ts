import type { Knex } from 'knex';
import { insertRows } from '../../../db/bulk-insert';
import type { ContactTables } from './contact-tables';
import { TopicPositions } from '../../imports/contact-writer';
import { renumberOrder } from './link-order';

interface Link {
  contact: number;
  topic: number;
}

const linksOf = async (trx: Knex.Transaction, tables: ContactTables, contactIds: readonly number[], topicIds?: readonly number[]) => {
  const { links } = tables;
  const query = trx(links.table)
    .select({ contact: links.contact, topic: links.topic })
    .whereIn(links.contact, contactIds as number[]);
  if (topicIds) query.whereIn(links.topic, topicIds as number[]);
  const rows: Array<Record<string, unknown>> = await query;
  return rows.map((row): Link => ({ contact: Number(row.contact), topic: Number(row.topic) }));
};

/**
 * Joins each contact to the topics it is not in yet, as the document service's `connect` leaves
 * them: each new topic at the end of the contact's list (then the list renumbered 1..n, as Strapi
 * does after a connect) and the contact at the end of the topic's list, contacts taken in the order
 * given (the order their document service calls would have run in). Answers the topics each
 * contact joined (contacts that joined none are left out).
 */
export const addTopicLinks = async (
  trx: Knex.Transaction,
  tables: ContactTables,
  contactIds: readonly number[],
  topicIds: readonly number[]
) => {
  const { links } = tables;
  const member = new Set((await linksOf(trx, tables, contactIds)).map((l) => `${l.contact}:${l.topic}`));
  const lastTopicPosition = new Map<number, number>();
  if (links.topicOrder) {
    const rows: Array<{ contact: number; max: number | string | null }> = await trx(links.table)
      .select({ contact: links.contact })
      .max({ max: links.topicOrder })
      .whereIn(links.contact, contactIds as number[])
      .groupBy(links.contact);
    for (const row of rows) lastTopicPosition.set(Number(row.contact), Number(row.max ?? 0));
  }
  const positions = await TopicPositions.load(trx, tables, topicIds);

  const columns = [
    links.contact,
    links.topic,
    ...(links.topicOrder ? [links.topicOrder] : []),
    ...(links.contactOrder ? [links.contactOrder] : []),
  ];
  const inserts: number[][] = [];
  const joined = new Map<number, number[]>();
  for (const contactId of contactIds) {
    let position = lastTopicPosition.get(contactId) ?? 0;
    const topics: number[] = [];
    for (const topicId of topicIds) {
      if (member.has(`${contactId}:${topicId}`)) continue;
      position += 1;
      topics.push(topicId);
      inserts.push([contactId, topicId, ...(links.topicOrder ? [position] : []), ...(links.contactOrder ? [positions.take(topicId)] : [])]);
    }
    if (topics.length) joined.set(contactId, topics);
  }
  await insertRows(trx, links.table, columns, inserts);
  if (links.topicOrder) await renumberOrder(trx, links.table, links.topicOrder, links.contact, [...joined.keys()]);
  return joined;
};

/**
 * Takes each contact out of these topics, as the document service's `disconnect` does: the links
 * deleted, then both lists closed up (the contact's topics, and each topic's contacts).
 * Answers the topics each contact left (contacts that left none are left out).
 */
export const removeTopicLinks = async (
  trx: Knex.Transaction,
  tables: ContactTables,
  contactIds: readonly number[],
  topicIds: readonly number[]
) => {
  const { links } = tables;
  const found = await linksOf(trx, tables, contactIds, topicIds);
  const left = new Map<number, number[]>();
  for (const link of found) left.set(link.contact, [...(left.get(link.contact) ?? []), link.topic]);
  if (!found.length) return left;
  await trx(links.table)
    .whereIn(links.contact, contactIds as number[])
    .whereIn(links.topic, topicIds as number[])
    .delete();
  if (links.topicOrder) await renumberOrder(trx, links.table, links.topicOrder, links.contact, [...left.keys()]);
  if (links.contactOrder) await renumberOrder(trx, links.table, links.contactOrder, links.topic, [...new Set(found.map((l) => l.topic))]);
  return left;
};
