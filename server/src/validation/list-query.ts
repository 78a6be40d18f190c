import { z } from 'zod';

/** page/pageSize/search/sort from a query string, with a closed list of sorts per resource. */
export const listQuery = <S extends readonly [string, ...string[]]>(sorts: S) =>
  z.strictObject({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    search: z.string().trim().max(200).optional(),
    sort: z.enum(sorts).default(sorts[0] as S[number]),
  });
