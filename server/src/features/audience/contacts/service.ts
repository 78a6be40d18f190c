import type { Core } from '@strapi/strapi';
import { documentsOf, findOrThrow, findPage } from '../../../db/documents';
import { CONTACT_STATES, UID, type ContactState } from '../../../constants';
import type { Contact } from '../../../../../shared/contracts/contacts';
import { contactListFilters, contactListQuery } from './list-query';
import { quoteList, unknownTopics } from './topic-lookup';
import { contactCreateInput, contactUpdateInput } from '../../../validation/contact-input';
import { hashEmail, normalizeEmail } from '../../../validation/email';
import { fieldError, parseOrThrow } from '../../../validation/errors';
import { signalFor } from '../../../contact-signals/precedence';
import { ERASED_MESSAGE, ERASED_REASON } from './erased';
import { createErasure, type ErasureActor } from './erasure';
import { contactDataOf } from './contact-data';
import { rootOf } from '../../../composition/accessor';
import type { ChangeOrigin } from '../../../site-events/catalogue';

export type { Contact };

type Row = Omit<Contact, 'topics'> & { id: number; topics?: Array<{ documentId: string; name: string; slug: string }> };

/** Who asks: the admin's controllers say `admin`; a service call from the site's code is `api`. */
export interface ChangeOptions {
  origin?: ChangeOrigin;
}

const invalid = (field: string, message: string) => fieldError('contact', field, message);

const populate = { topics: { fields: ['name', 'slug'] } } as const;

const slugsOf = (row: Row) => (row.topics ?? []).map((t) => t.slug);

const createContactsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => documentsOf(strapi, UID.contact);

  const toContact = (row: Row): Contact => ({
    documentId: row.documentId,
    email: row.email,
    firstName: row.firstName ?? null,
    lastName: row.lastName ?? null,
    attributes: row.attributes ?? null,
    timezone: row.timezone ?? null,
    locale: row.locale ?? null,
    state: row.state,
    stateChangedAt: row.stateChangedAt ?? null,
    consent: row.consent ?? null,
    source: row.source ?? null,
    topics: (row.topics ?? []).map((t) => ({ documentId: t.documentId, name: t.name })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  const assertEmailFree = async (email: string, exceptDocumentId?: string) => {
    const clash = await documents().findFirst<Row>({
      filters: { email, ...(exceptDocumentId ? { documentId: { $ne: exceptDocumentId } } : {}) },
      fields: ['id'],
    });
    if (clash) throw invalid('email', `a contact with "${email}" already exists`);
    // Through the query engine, not knex: inside a caller's transaction (the demo seed's batches) it
    // joins it, where a query of its own would wait on SQLite's one connection until the pool timed out.
    const erased = await strapi.db.query(UID.suppression).count({ where: { emailHash: hashEmail(email), reason: ERASED_REASON } });
    if (erased) throw invalid('email', ERASED_MESSAGE);
  };

  const assertTopics = async (topics: string[] | undefined) => {
    const missing = await unknownTopics(strapi, topics ?? []);
    if (missing.length) throw invalid('topics', `unknown topic ${quoteList(missing)}`);
  };

  const findRow = (documentId: string) => findOrThrow<Row>(documents(), 'contact', documentId, { populate });

  // Ids only, whatever the site's address opt-in: there is no address any more.
  const erasure = createErasure(strapi, (contactId, contactDocumentId, actor) =>
    rootOf(strapi).announce('campaigns.contact.erase', { contactId, contactDocumentId, origin: actor.origin })
  );

  return {
    async list(query: unknown = {}) {
      const q = parseOrThrow(contactListQuery, query, 'query');
      const missing = await unknownTopics(strapi, q.topic ? [q.topic] : []);
      if (missing.length) throw fieldError('query', 'topic', `unknown topic ${quoteList(missing)}`);
      return findPage(documents(), q, { filters: contactListFilters(q), populate }, toContact);
    },

    async findOne(documentId: string) {
      return toContact(await findRow(documentId));
    },

    async findByEmail(email: string): Promise<Contact | null> {
      const normalized = normalizeEmail(email);
      if (!normalized.ok) return null;
      const row = await documents().findFirst<Row>({ filters: { email: normalized.email }, populate });
      return row ? toContact(row) : null;
    },

    /** Creates a subscribed contact and records how consent was given (source, time, IP, text shown). */
    async create(input: unknown, { origin = 'api' }: ChangeOptions = {}) {
      const data = parseOrThrow(contactCreateInput, input, 'contact');
      await assertEmailFree(data.email);
      await assertTopics(data.topics);
      const now = new Date().toISOString();
      const consent = { ip: null, text: null, ...(data.consent ?? { source: data.source ?? 'api' }), at: data.consent?.at ?? now };
      const row = await documents().create<Row>({
        data: { ...data, emailHash: hashEmail(data.email), state: 'subscribed', stateChangedAt: now, consent },
        populate,
      });
      rootOf(strapi).announce('campaigns.subscribe', {
        contactId: row.id,
        contactDocumentId: row.documentId,
        email: row.email,
        origin,
        topics: slugsOf(row),
      });
      return toContact(row);
    },

    /** Changes a contact's fields; a change of its topics is announced (`campaigns.topics.change`). */
    async update(documentId: string, input: unknown, { origin = 'api' }: ChangeOptions = {}) {
      const data = parseOrThrow(contactUpdateInput, input, 'contact');
      const before = await findRow(documentId);
      if (data.email) await assertEmailFree(data.email, documentId);
      await assertTopics(data.topics);
      const row = await documents().update<Row>({
        documentId,
        data: { ...data, ...(data.email ? { emailHash: hashEmail(data.email) } : {}) },
        populate,
      });
      const was = new Set(slugsOf(before));
      const is = new Set(slugsOf(row));
      const joined = [...is].filter((slug) => !was.has(slug));
      const left = [...was].filter((slug) => !is.has(slug));
      if (joined.length || left.length) {
        rootOf(strapi).announce('campaigns.topics.change', {
          contactId: row.id,
          contactDocumentId: row.documentId,
          email: row.email,
          origin,
          joined,
          left,
        });
      }
      return toContact(row);
    },

    async delete(documentId: string) {
      await findRow(documentId);
      await documents().delete({ documentId });
      return { documentId };
    },

    /**
     * Erases the contact and its personal data everywhere the plugin keeps it (erasure.ts), in one
     * transaction; the address stays suppressed by its hash. A 404 when there is no such contact,
     * so a second erasure changes nothing. `by`: who asked, for the erasure log.
     */
    erase(documentId: string, options: { by: ErasureActor }) {
      return erasure.erase(documentId, options.by);
    },

    /** Everything the plugin holds about the contact, as JSON (GDPR right of access): contact-data.ts. */
    async exportData(documentId: string) {
      const row = await findRow(documentId);
      return contactDataOf(strapi, row.id, toContact(row));
    },

    /**
     * Sets a contact's state as the admin (or an extension) asks, through the contact signals
     * (contact-signals/): nothing moves a contact down the precedence table but a resubscribe,
     * which here is the admin's forced one and needs a fresh consent record unless the contact is
     * subscribed already. An unsubscribe of a bounced contact changes nothing.
     */
    async setState(documentId: string, state: ContactState, options: { consent?: Contact['consent'] } & ChangeOptions = {}) {
      if (!CONTACT_STATES.includes(state)) throw invalid('state', `must be one of ${CONTACT_STATES.join(', ')}`);
      const current = await findRow(documentId);
      const type = signalFor(state);
      if (type === 'resubscribe' && !options.consent) {
        if (current.state !== 'subscribed')
          throw invalid('consent', 'resubscribing a contact needs a consent record (source, time, IP, text shown)');
        return toContact(current);
      }
      await rootOf(strapi).signal({
        type,
        contactIds: [current.id],
        force: true,
        consent: options.consent ?? undefined,
        origin: options.origin ?? 'api',
      });
      return toContact(await findRow(documentId));
    },
  };
};

export type ContactsService = ReturnType<typeof createContactsService>;
export default createContactsService;
