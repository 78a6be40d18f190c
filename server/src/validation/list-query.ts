import { z } from 'zod';

/** page/pageSize/search/sort from a query string, with a closed list of sorts per resource. */
export const listQuery = <S extends readonly [string, ...string[]]>(sorts: S) =>
  z.strictObject({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    search: z.string().trim().max(200).optional(),
    sort: z.enum(sorts).default(sorts[0] as S[number]),
  });

export const paginate = (page: number, pageSize: number, total: number) => ({
  page,
  pageSize,
  pageCount: Math.ceil(total / pageSize),
  total,
});

/** Strapi's "field:direction" sort string as the object form the document service takes. */
export const toSort = (sort: string) => {
  const [field, direction] = sort.split(':');
  return { [field]: direction as 'asc' | 'desc' };
};
