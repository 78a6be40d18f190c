import { pipeline, Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify';
import type { Knex } from 'knex';
import { z } from 'zod';
import { CONTACT_STATES, UID } from '../../../constants';
import { SAFE_CSV } from '../../../csv/safe-csv';
import { EXPORT_COLUMNS, toCsvRecord, type ExportedContact } from './contact-record';
import { contactTables } from './contact-tables';
import { fieldError, parseOrThrow } from '../../../validation/errors';
import { documentIdField } from '../../../validation/fields';
import { rootOf } from '../../../composition/accessor';

const exportQuery = z.strictObject({
  segment: documentIdField.optional(),
  state: z.enum(CONTACT_STATES).optional(),
  topic: documentIdField.optional(),
});

/** Contacts read per query: memory stays flat whatever the size of the audience. */
const PAGE_SIZE = 1000;

const createContactExportService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The contacts (all, those of a segment's mailable audience, and/or in one state or topic) as a CSV stream,
   * read page by page in id order (keyset, never an offset) and written as the client reads it.
   * Query errors (unknown segment, bad state) are thrown before the stream starts.
   */
  async csv(query: unknown): Promise<{ fileName: string; stream: Readable }> {
    const q = parseOrThrow(exportQuery, query, 'query');
    const knex = strapi.db.connection;
    const tables = contactTables(strapi);
    const { columns: col, links } = tables;

    let base: () => Knex.QueryBuilder;
    if (q.segment) {
      const { audience: segments } = rootOf(strapi);
      const { query: audience } = await segments.mailableQuery(await segments.rulesOf(q.segment), null, { byId: true });
      base = () => audience.clone();
    } else {
      base = () => knex(`${tables.contacts} as c`);
    }
    const topicsTable = strapi.db.metadata.get(UID.topic).tableName;
    const topic = q.topic ? await strapi.db.query(UID.topic).findOne({ where: { documentId: q.topic }, select: ['id'] }) : null;
    if (q.topic && !topic) throw fieldError('query', 'topic', `unknown topic "${q.topic}"`);

    async function* records() {
      yield [...EXPORT_COLUMNS];
      for (let after = 0; ;) {
        const page = base()
          .select({
            id: 'c.id',
            email: `c.${col.email}`,
            firstName: `c.${col.firstName}`,
            lastName: `c.${col.lastName}`,
            state: `c.${col.state}`,
            timezone: `c.${col.timezone}`,
            locale: `c.${col.locale}`,
            attributes: `c.${col.attributes}`,
            createdAt: `c.${col.createdAt}`,
          })
          .where('c.id', '>', after)
          .orderBy('c.id')
          .limit(PAGE_SIZE);
        if (q.state) page.where(`c.${col.state}`, q.state);
        if (topic) {
          page.whereExists(knex(links.table).whereRaw('?? = ??', [links.contact, 'c.id']).where(links.topic, topic.id));
        }
        const contacts: ExportedContact[] = await page;
        if (contacts.length === 0) return;

        const slugs = new Map<number, string[]>();
        const linked: Array<{ contact: number; slug: string }> = await knex(`${links.table} as l`)
          .join(`${topicsTable} as t`, 't.id', `l.${links.topic}`)
          .select({ contact: `l.${links.contact}`, slug: 't.slug' })
          .whereIn(
            `l.${links.contact}`,
            contacts.map((c) => c.id)
          )
          .orderBy([`l.${links.contact}`, links.topicOrder ? `l.${links.topicOrder}` : 't.id']);
        for (const link of linked) slugs.set(Number(link.contact), [...(slugs.get(Number(link.contact)) ?? []), link.slug]);

        for (const contact of contacts) yield toCsvRecord(contact, slugs.get(Number(contact.id)) ?? []);
        after = Number(contacts[contacts.length - 1].id);
      }
    }

    const csv = stringify({ ...SAFE_CSV, bom: true });
    pipeline(Readable.from(records()), csv, (error) => {
      // Most often the client went away; the generator's return stops the paging.
      if (error) strapi.log.warn(`campaigns: the contacts export stopped: ${error.message}`);
    });
    const day = new Date().toISOString().slice(0, 10);
    return {
      fileName: `contacts-${q.segment ? `segment-${q.segment}-` : ''}${q.topic ? `topic-${q.topic}-` : ''}${q.state ? `${q.state}-` : ''}${day}.csv`,
      stream: csv,
    };
  },
});

export type ContactExportService = ReturnType<typeof createContactExportService>;
export default createContactExportService;
