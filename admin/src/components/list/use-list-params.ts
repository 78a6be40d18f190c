import { useQueryParams } from '@strapi/strapi/admin';

type ListQuery = { page?: string; pageSize?: string; _q?: string };

/**
 * A list page's page, page size and search, kept in the URL where Strapi's Pagination and
 * SearchInput write them; `Filters` names the page's own query keys.
 */
export const useListParams = <Filters extends Record<string, string | undefined> = Record<never, never>>(defaultPageSize = 10) => {
  const [{ query }, setQuery] = useQueryParams<ListQuery & Filters>();
  return {
    page: Number(query?.page ?? 1) || 1,
    pageSize: Number(query?.pageSize ?? defaultPageSize) || defaultPageSize,
    search: query?._q ?? '',
    query,
    setQuery,
  };
};
