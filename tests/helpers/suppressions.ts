import { hashEmail } from '../../server/src/validation/email';
import type { GroupApp } from './integration-group';

export const SUPPRESSION = 'plugin::campaigns.suppression';

/** The suppressions admin API's requests, as the super admin unless other headers are given. */
export const suppressionsApi = ({ api, auth, strapi }: Pick<GroupApp, 'api' | 'auth' | 'strapi'>) => ({
  addOne: (data: unknown, headers = auth()) => api().post('/campaigns/suppressions').set(headers).send({ data }),
  paste: (data: unknown, headers = auth()) => api().post('/campaigns/suppressions/bulk').set(headers).send({ data }),
  importCsv: (file: string | Buffer, options?: unknown, headers = auth(), name = 'suppressions.csv') => {
    const req = api()
      .post('/campaigns/suppressions/import')
      .set(headers)
      .attach('file', Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'), { filename: name, contentType: 'text/csv' });
    return options === undefined ? req : req.field('options', JSON.stringify(options));
  },
  remove: (documentId: string, data: unknown, headers = auth()) =>
    api().post(`/campaigns/suppressions/${documentId}/remove`).set(headers).send({ data }),
  list: (query: Record<string, string>) => api().get('/campaigns/suppressions').query(query).set(auth()),
  /** The stored suppressions of an address, oldest first, with their topic. */
  rowsFor: async (email: string) =>
    (await strapi()
      .db.query(SUPPRESSION)
      .findMany({
        where: { emailHash: hashEmail(email) },
        populate: { topic: { select: ['documentId'] } },
        orderBy: { id: 'asc' },
      })) as Array<{
      documentId: string;
      email: string;
      reason: string;
      scope: string;
      note: string | null;
      topic: { documentId: string } | null;
    }>,
});
